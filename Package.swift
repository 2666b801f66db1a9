// swift-tools-version:6.1
import Foundation
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

// Built and tested on Linux (glibc) only. What is Linux-specific (inotify, renameat2, ioctls,
// xdg-open) sits in Sources/HandbookKit/Support/Platform.swift and behind `#if os(Linux)` in the
// preview's FileWatcher: a port starts there.
let package = Package(
    name: "handbook",
    products: [
        .executable(name: "handbook", targets: ["handbook"]),
        .library(name: "HandbookKit", targets: ["HandbookKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .systemLibrary(name: "Ccmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        .systemLibrary(name: "Cdeflate", pkgConfig: "libdeflate", providers: [.apt(["libdeflate-dev"])]),
        .target(name: "HandbookMarkdown", dependencies: ["Ccmark"], swiftSettings: strict),
        .target(
            name: "HandbookKit",
            dependencies: [
                "HandbookMarkdown", "Cdeflate",
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strict),
        .target(
            name: "HandbookPreview",
            dependencies: [
                "HandbookKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict),
        .executableTarget(
            name: "handbook",
            dependencies: [
                "HandbookKit", "HandbookPreview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict,
            // mimalloc (Debian libmimalloc-dev) replaces malloc for the whole process: a build
            // allocates millions of small objects, and it is about 7% faster with it.
            linkerSettings: [.linkedLibrary("mimalloc")]),
        .testTarget(name: "HandbookMarkdownTests", dependencies: ["HandbookMarkdown"], swiftSettings: strict),
        .testTarget(
            name: "HandbookKitTests",
            dependencies: [
                "HandbookKit",
                // A local HTTP server for `check --sources` (tests never reach the internet).
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            exclude: ["Golden"], resources: [.copy("Fixtures")], swiftSettings: strict),
        .testTarget(
            name: "HandbookPreviewTests",
            dependencies: [
                "HandbookPreview", "HandbookKit",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: strict),
    ]
)

// The fuzz targets link with libFuzzer's main, so they exist only for `make fuzz` (HANDBOOK_FUZZ=1).
if ProcessInfo.processInfo.environment["HANDBOOK_FUZZ"] != nil {
    package.targets.append(.executableTarget(
        name: "HandbookFuzz", dependencies: ["HandbookKit", "HandbookMarkdown"], swiftSettings: strict))
    package.products.append(.executable(name: "handbook-fuzz", targets: ["HandbookFuzz"]))
}
