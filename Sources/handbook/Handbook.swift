import ArgumentParser

/// The `handbook` command: builds the Belt and Road certification handbook from Markdown and tables.
@main
struct Handbook: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handbook",
        abstract: "Build the Belt and Road Certification Handbook: Markdown guides and certification tables in, a bilingual static site out.",
        subcommands: [Build.self, Check.self, Serve.self, New.self, Search.self, Plan.self],
        defaultSubcommand: Build.self)
}
