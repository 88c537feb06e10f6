#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs one piece of work on a second thread while the caller does another, and waits for
/// both: the loader's fixed two-way split of a large collection (``LineSplit``), from
/// synchronous code (the follower's `refresh()` is not async) on a 2-core machine.
package enum SideThread {
    /// `first` on this thread and `second` on a new one, at the same time; returns when both
    /// have finished. When no thread can be made, `second` runs here after `first`.
    package static func run<A, B>(_ first: () -> A, alongside second: @escaping @Sendable () -> B) -> (A, B) {
        let result = Box<B>()
        let job = Job { result.value = second() }
        let context = Unmanaged.passRetained(job).toOpaque()
        #if canImport(Glibc)
        var thread = pthread_t()
        #else
        var thread: pthread_t?
        #endif
        let started = pthread_create(&thread, nil, { raw in
            Unmanaged<Job>.fromOpaque(raw!).takeRetainedValue().body()
            return nil
        }, context)
        if started != 0 {
            Unmanaged<Job>.fromOpaque(context).release()
            let a = first()
            return (a, second())
        }
        let a = first()
        #if canImport(Glibc)
        pthread_join(thread, nil)
        #else
        pthread_join(thread!, nil)
        #endif
        // pthread_join orders the thread's write to `result` before this read.
        return (a, result.value!)
    }

    private final class Job: @unchecked Sendable {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }

    /// Written once by the side thread before it ends, read after the join.
    private final class Box<B>: @unchecked Sendable {
        var value: B?
    }
}
