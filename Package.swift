// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "tickler",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "tickler", targets: ["tickler"])
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-system.git", from: "1.4.0"),
    ],
    targets: [
        .target(
            name: "TicklerCore",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "TicklerStore",
            dependencies: [
                "TicklerCore",
                .product(name: "SystemPackage", package: "swift-system"),
            ]
        ),
        .executableTarget(
            name: "tickler",
            dependencies: [
                "TicklerCore",
                "TicklerStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "TicklerCoreTests",
            dependencies: ["TicklerCore"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "TicklerStoreTests",
            dependencies: ["TicklerCore", "TicklerStore"]
        ),
    ]
)

for target in package.targets {
    var settings = target.swiftSettings ?? []
    settings.append(.swiftLanguageMode(.v6))
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
    target.swiftSettings = settings
}
