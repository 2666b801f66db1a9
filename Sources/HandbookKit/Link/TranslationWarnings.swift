/// Stage 3c, link: translations that have fallen behind their original. A translation names the
/// version of the original it follows (`translation_of`); when the original's words changed since,
/// or when it names none, the editor is told which command marks it as up to date once it is.
struct TranslationWarnings {
    let handbook: Handbook
    let log: DiagnosticLog

    func check() {
        let original = handbook.config.defaultLanguage
        for key in handbook.guideKeys {
            guard let guide = handbook.guide(key), let source = guide.bodies[original] else { continue }
            for (language, body) in guide.bodies.sorted(by: { $0.key < $1.key }) where language != original {
                let command = "handbook translated \(body.relativePath)"
                guard let stamp = guide.stamps[language] else {
                    log.warning(.unversionedTranslation,
                                Phrase(en: "this translation does not say which version of \(source.relativePath) it translates",
                                       zh: "译文没有注明它依据的是 \(source.relativePath) 的哪个版本"),
                                at: SourceLocation(file: body.file),
                                hint: Phrase(en: "once it matches \(source.relativePath), run `\(command)`",
                                             zh: "确认译文与 \(source.relativePath) 一致后，运行 `\(command)`"))
                    continue
                }
                guard stamp.version != source.version else { continue }
                log.warning(.staleTranslation,
                            Phrase(en: "\(source.file) has changed since this translation was made (translation_of: \(stamp.version), now \(source.version))",
                                   zh: "\(source.file) 在翻译之后有改动（translation_of: \(stamp.version)，现为 \(source.version)）"),
                            at: stamp.location,
                            hint: Phrase(en: "bring the translation up to date with \(source.relativePath), then run `\(command)`",
                                         zh: "按 \(source.relativePath) 的现行内容更新译文，然后运行 `\(command)`"))
            }
        }
    }

    /// The translations that have fallen behind: (translation, original) content paths.
    static func stale(in h: Handbook) -> [(translation: String, original: String)] {
        let original = h.config.defaultLanguage
        return h.guideKeys.compactMap(h.guide).flatMap { guide in
            guide.bodies.keys.sorted().filter { guide.isStale($0, original: original) }.compactMap { language in
                guard let body = guide.bodies[language], let source = guide.bodies[original] else { return nil }
                return (body.relativePath, source.relativePath)
            }
        }
    }
}
