using System.Diagnostics;
using Xunit.Sdk;

namespace Sleek.Workflows.TestSupport;

/// <summary>
/// Awaits a condition instead of sleeping: probes until it holds or a generous deadline passes, then
/// fails with the last state seen. The deadline only guards against hangs; no test asserts durations.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> holds, string what, Func<T, string>? describe = null, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        var limit = timeout ?? DefaultTimeout;
        while (true)
        {
            var last = await probe();
            if (holds(last))
            {
                return last;
            }

            if (clock.Elapsed > limit)
            {
                throw new XunitException($"Waited {limit.TotalSeconds:0} s for {what}; last state: {describe?.Invoke(last) ?? last?.ToString()}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }
}
