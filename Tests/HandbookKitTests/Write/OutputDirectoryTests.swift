import Foundation
import Testing
@testable import HandbookKit

@Suite("OutputDirectory")
struct OutputDirectoryTests {
    @Test func writesIntoStagingThenSwapsIn() throws {
        let tmp = TemporaryFolder()
        let target = tmp.sub("site")
        let out = try OutputDirectory(path: target, protecting: [tmp.sub("content")])
        let staging = ".site.handbook-tmp-\(getpid())"
        #expect(Files.leftovers(in: tmp.path) == [staging])
        try out.write("zh/index.html", "<p>认证</p>")
        try out.write("data.bin", [0, 1, 2])
        #expect(!FileManager.default.fileExists(atPath: target))
        try out.commit()
        #expect(Files.list(target) == [".handbook-output", "data.bin", "zh/index.html", "zh/index.html.gz"])
        #expect(Files.read(target + "/zh/index.html") == "<p>认证</p>")
        #expect(try gunzip(Data(contentsOf: URL(fileURLWithPath: target + "/zh/index.html.gz"))) == Data("<p>认证</p>".utf8))
        #expect(Files.leftovers(in: tmp.path).isEmpty)
    }

    @Test func replacesAPreviousOutputCompletely() throws {
        let tmp = TemporaryFolder()
        let target = tmp.sub("site")
        let first = try OutputDirectory(path: target, protecting: [])
        try first.write("old.html", "old")
        try first.commit()
        let second = try OutputDirectory(path: target, protecting: [])
        try second.write("new.txt", "new")
        try second.commit()
        #expect(Files.list(target) == [".handbook-output", "new.txt", "new.txt.gz"])
        #expect(Files.leftovers(in: tmp.path).isEmpty)
    }

    @Test func discardLeavesThePreviousOutput() throws {
        let tmp = TemporaryFolder()
        let target = tmp.sub("site")
        let first = try OutputDirectory(path: target, protecting: [])
        try first.write("keep.html", "keep")
        try first.commit()
        let before = Files.snapshot(target)
        let second = try OutputDirectory(path: target, protecting: [])
        try second.write("keep.html", "changed")
        second.discard()
        #expect(Files.snapshot(target) == before)
        #expect(Files.leftovers(in: tmp.path).isEmpty)
    }

    @Test func removesLeftoversOfAKilledBuild() throws {
        let tmp = TemporaryFolder()
        try FileManager.default.createDirectory(atPath: tmp.sub(".site.handbook-tmp-999999/x"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: tmp.sub(".site.handbook-old-999999"), withIntermediateDirectories: true)
        let out = try OutputDirectory(path: tmp.sub("site"), protecting: [])
        #expect(Files.leftovers(in: tmp.path) == [".site.handbook-tmp-\(getpid())"])
        out.discard()
        #expect(Files.leftovers(in: tmp.path).isEmpty)
    }

    @Test func refusesAFolderItDidNotWrite() throws {
        let tmp = TemporaryFolder()
        try Files.write(tmp.sub("site/notes.txt"), "mine")
        #expect(throws: OutputDirectory.Failure.self) { try OutputDirectory(path: tmp.sub("site"), protecting: []) }
        #expect(Files.list(tmp.sub("site")) == ["notes.txt"])
        #expect(Files.leftovers(in: tmp.path).isEmpty)
    }

    @Test func acceptsAnEmptyFolder() throws {
        let tmp = TemporaryFolder()
        try FileManager.default.createDirectory(atPath: tmp.sub("site"), withIntermediateDirectories: true)
        let out = try OutputDirectory(path: tmp.sub("site"), protecting: [])
        out.discard()
    }

    @Test func refusesAFile() throws {
        let tmp = TemporaryFolder()
        try Files.write(tmp.sub("site"), "a file")
        #expect(throws: OutputDirectory.Failure.self) { try OutputDirectory(path: tmp.sub("site"), protecting: []) }
    }

    @Test func refusesTheRootAndProtectedFolders() throws {
        let tmp = TemporaryFolder()
        let content = tmp.sub("work/Content")
        try FileManager.default.createDirectory(atPath: content, withIntermediateDirectories: true)
        #expect(throws: OutputDirectory.Failure.self) { try OutputDirectory(path: "/", protecting: []) }
        #expect(throws: OutputDirectory.Failure.self) { try OutputDirectory(path: content, protecting: [content]) }
        #expect(throws: OutputDirectory.Failure.self) { try OutputDirectory(path: tmp.sub("work"), protecting: [content]) }
        #expect(throws: OutputDirectory.Failure.self) { try OutputDirectory(path: content + "/site", protecting: [content]) }
        #expect(throws: OutputDirectory.Failure.self) {
            try OutputDirectory(path: tmp.sub("work/Content/../Content/"), protecting: [content])
        }
        #expect(Files.leftovers(in: tmp.sub("work")).isEmpty)
    }

    @Test func aSiblingWithASharedPrefixIsNotProtected() throws {
        let tmp = TemporaryFolder()
        let out = try OutputDirectory(path: tmp.sub("Content-site"), protecting: [tmp.sub("Content")])
        out.discard()
    }

    /// Top-level folders are made under a fresh name and renamed (so ext4 places them away from
    /// inodes just freed): from many threads at once, each appears once and nothing else is left.
    @Test func topLevelFoldersAppearOnceUnderTheirOwnNames() throws {
        let tmp = TemporaryFolder()
        let target = tmp.sub("site")
        let out = try OutputDirectory(path: target, protecting: [])
        let paths = (0..<200).map { "\(["en", "zh", "api"][$0 % 3])/p\($0)/index.txt" }
        let failures = paths.parallelMap { path -> String? in
            do { try out.write(path, path) } catch { return "\(error)" }
            return nil
        }
        #expect(failures.compactMap { $0 }.isEmpty)
        try out.commit()
        let root = try FileManager.default.contentsOfDirectory(atPath: target).sorted()
        #expect(root == [".handbook-output", "api", "en", "zh"])
        #expect(Files.list(target).count == 1 + 2 * paths.count)
        #expect(Files.read(target + "/zh/p199/index.txt") == "zh/p199/index.txt")
        #expect(Files.read(target + "/en/p199/index.txt") == nil)
        let probe = tmp.sub("probe")
        try FileManager.default.createDirectory(atPath: probe, withIntermediateDirectories: true)
        if FileIO.markTopDirectory(probe) {   // ext4 and others with FS_TOPDIR_FL
            #expect(FileIO.isTopDirectory(target))
        }
    }

    @Test func failureMessageNamesThePath() {
        do {
            _ = try OutputDirectory(path: "/", protecting: [])
            Issue.record("no failure")
        } catch let f as OutputDirectory.Failure {
            #expect(f.description == "refusing to use '/' as the output folder: it is the root folder")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
