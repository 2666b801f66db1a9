/// The guides of the handbook by their record key (`market sa`, `product x`, `page guides/y`): the
/// one place that knows which kinds have guides and which page shows each.
extension Handbook {
    /// Every guide's key: markets, products, then free pages.
    public var guideKeys: [RecordKey] {
        markets.map { RecordKey(.market, $0.id) } + products.map { RecordKey(.product, $0.id) }
            + pages.map { RecordKey(.page, $0.path) }
    }

    /// The guide of a market, product or free page; nil for other kinds and unknown ids.
    public func guide(_ key: RecordKey) -> Guide? {
        switch key.kind {
        case .market: marketIndex[key.id].map { markets[$0].guide }
        case .product: productIndex[key.id].map { products[$0].guide }
        case .page: pageIndex[key.id].map { pages[$0].guide }
        default: nil
        }
    }

    /// Puts `body` in place of the guide's body in its language; returns the body it replaced, or
    /// nil when the guide or that language's body did not exist.
    mutating func replaceBody(of key: RecordKey, with body: Guide.Body) -> Guide.Body? {
        switch key.kind {
        case .market: marketIndex[key.id].flatMap { markets[$0].guide.bodies.updateValue(body, forKey: body.language) }
        case .product: productIndex[key.id].flatMap { products[$0].guide.bodies.updateValue(body, forKey: body.language) }
        case .page: pageIndex[key.id].flatMap { pages[$0].guide.bodies.updateValue(body, forKey: body.language) }
        default: nil
        }
    }

    /// The page that shows a guide (the home page for the home intro); for standards, schemes and
    /// bodies, their page.
    func pageKind(of key: RecordKey) -> PageKind? {
        switch key.kind {
        case .market: marketIndex[key.id].map(PageKind.market)
        case .product: productIndex[key.id].map(PageKind.product)
        case .page: pageIndex[key.id].map { pages[$0].isHomeIntro ? .home : .page($0) }
        case .scheme: schemeIndex[key.id].map(PageKind.scheme)
        case .standard: standardIndex[key.id].map(PageKind.standard)
        case .body: bodyIndex[key.id].map(PageKind.body)
        case .region, .req: nil
        }
    }
}

extension Handbook {
    /// The guides whose files (in any language) are among `paths`, relative to the content folder.
    func guideKeys(ofFiles paths: [String]) -> [RecordKey] {
        let wanted = Set(paths)
        return guideKeys.filter { key in guide(key)?.bodies.values.contains { wanted.contains($0.relativePath) } ?? false }
    }
}
