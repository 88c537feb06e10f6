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
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.0.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.81.0"),
        .package(url: "https://github.com/yaslab/CSV.swift.git", from: "2.5.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
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
        .target(
            name: "TicklerImport",
            dependencies: [
                "TicklerCore",
                "TicklerStore",
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .systemLibrary(
            name: "CSystemd",
            pkgConfig: "libsystemd",
            providers: [.apt(["libsystemd-dev"])]
        ),
        .target(
            name: "TicklerDelivery",
            dependencies: [
                "TicklerCore",
                "CSystemd",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .target(
            name: "TicklerDaemon",
            dependencies: [
                "TicklerCore",
                "TicklerStore",
                "TicklerDelivery",
                "CSystemd",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "tickler",
            dependencies: [
                "TicklerCore",
                "TicklerStore",
                "TicklerDaemon",
                "TicklerDelivery",
                "TicklerImport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "TicklerTestSupport",
            path: "Tests/TicklerTestSupport"
        ),
        .testTarget(
            name: "TicklerCLITests",
            dependencies: ["TicklerTestSupport"]
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
        .testTarget(
            name: "TicklerImportTests",
            dependencies: ["TicklerCore", "TicklerStore", "TicklerImport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "TicklerDeliveryTests",
            dependencies: ["TicklerCore", "TicklerDelivery", "TicklerTestSupport"]
        ),
        .testTarget(
            name: "TicklerDaemonTests",
            dependencies: [
                "TicklerCore", "TicklerStore", "TicklerDelivery", "TicklerDaemon", "CSystemd", "TicklerTestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycleTestKit", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("Fixtures")]
        ),
    ]
)

for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(.swiftLanguageMode(.v6))
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
    target.swiftSettings = settings
}
