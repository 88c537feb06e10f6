// swift-tools-version:6.1
import PackageDescription

// libFuzzer harnesses for Tickler's parsers (docs/reliability.md). Built only by Fuzz/run.sh:
//   swift build -c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
//
// The code under test is the main package's own source, reached through symlinks
// (Sources/TicklerCore, Sources/TicklerStore, Sources/TicklerDaemonConfig/*.swift and
// Sources/TicklerDelivery/{WebhookFormat,HostAllowList,IPAddress,MailDomain}.swift), not a
// `.package(path: "..")` dependency: the main package's APIs are `package`-access and its
// library targets are not products, so another package could not call them. Compiling the
// same files here keeps the main manifest and build untouched, and lets the daemon config
// parser be fuzzed without building the daemon's HTTP and systemd dependencies.
let package = Package(
    name: "tickler-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-system.git", from: "1.4.0"),
    ],
    targets: [
        .target(name: "TicklerCore", dependencies: [.product(name: "Yams", package: "Yams")]),
        .target(
            name: "TicklerStore",
            dependencies: ["TicklerCore", .product(name: "SystemPackage", package: "swift-system")]),
        // Only WebhookFormat, HostAllowList and IPAddress of the real TicklerDelivery (the parts
        // the config parser uses that need no NIO or Crypto), and a copy of the one function
        // the config parser uses from its Crypto-dependent WebhookSecret.swift.
        .target(name: "TicklerDelivery"),
        .target(
            name: "TicklerDaemonConfig",
            dependencies: ["TicklerCore", "TicklerStore", "TicklerDelivery"]),
        .target(name: "CLibFuzzer"),
        .target(name: "FuzzSupport", dependencies: ["CLibFuzzer", "TicklerCore", "TicklerStore"]),
        .executableTarget(name: "FuzzRules", dependencies: ["TicklerCore", "FuzzSupport"]),
        .executableTarget(name: "FuzzExpressions", dependencies: ["TicklerCore", "FuzzSupport"]),
        .executableTarget(name: "FuzzStore", dependencies: ["TicklerCore", "TicklerStore", "FuzzSupport"]),
        .executableTarget(name: "FuzzJSONLines", dependencies: ["TicklerStore", "FuzzSupport"]),
        .executableTarget(name: "FuzzDaemonConfig", dependencies: ["TicklerDaemonConfig", "TicklerCore", "FuzzSupport"]),
        .executableTarget(name: "FuzzRuleTests", dependencies: ["TicklerCore", "FuzzSupport"]),
    ]
)

for target in package.targets where target.name != "CLibFuzzer" {
    var settings = target.swiftSettings ?? []
    settings.append(.swiftLanguageMode(.v6))
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    settings.append(.enableUpcomingFeature("InternalImportsByDefault"))
    target.swiftSettings = settings
}
