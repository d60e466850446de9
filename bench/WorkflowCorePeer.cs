using System.Diagnostics;
using System.Globalization;

namespace Sleek.Workflows.Bench;

/// <summary>
/// Runs the peer engine (bench/peers/WorkflowCorePeer: WorkflowCore 3.22 in memory) with bench (c)'s shape and reads its
/// figure, so the round trip is printed beside a peer measured in the same run on the same machine.
/// </summary>
internal static class WorkflowCorePeer
{
    public static string DefaultDll =>
        Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "peers", "WorkflowCorePeer", "bin", "Release", "net10.0", "Sleek.Workflows.Bench.WorkflowCorePeer.dll");

    /// <summary>Round trips per second of the peer, or null (with the reason printed) when it cannot run.</summary>
    public static async Task<double?> RoundTripsPerSecondAsync(int instances, int clients)
    {
        var dll = Path.GetFullPath(DefaultDll);
        if (!File.Exists(dll))
        {
            Console.WriteLine($"  WorkflowCore 3.22 peer: not built at {dll} (dotnet build -c Release bench)");
            return null;
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add(instances.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add(clients.ToString(CultureInfo.InvariantCulture));
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var line = (await output).Split('\n').LastOrDefault(l => l.StartsWith("instances=", StringComparison.Ordinal));
        var perSecond = line?.Split(' ').FirstOrDefault(f => f.StartsWith("per_second=", StringComparison.Ordinal));
        if (process.ExitCode != 0 || perSecond is null)
        {
            Console.WriteLine($"  WorkflowCore 3.22 peer failed (exit {process.ExitCode}): {(await error).Trim()}");
            return null;
        }

        return double.Parse(perSecond["per_second=".Length..], CultureInfo.InvariantCulture);
    }
}
