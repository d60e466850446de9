using System.Diagnostics;
using System.Globalization;

namespace Sleek.Workflows.Bench;

/// <summary>
/// CPU time spent while a measurement runs, by this process and by the PostgreSQL server the benchmark
/// uses (its postmaster and the processes it started, read from /proc when the server is local), so
/// cost per step can be compared on a busy machine.
/// </summary>
internal sealed class CpuMeter
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    /// <summary>The postmaster of the benchmark's server, when it runs on this machine; see <see cref="FindPostmaster"/>.</summary>
    public static int? Postmaster { get; private set; }

    private readonly TimeSpan _process = Process.GetCurrentProcess().TotalProcessorTime;
    private readonly long _allocated = GC.GetTotalAllocatedBytes();
    private readonly double? _postgres = PostgresSeconds();

    /// <summary>CPU milliseconds per unit of work since this meter was made: (this process, PostgreSQL or null when unreadable).</summary>
    public (double Process, double? Postgres) PerUnit(long units)
    {
        var process = (Process.GetCurrentProcess().TotalProcessorTime - _process).TotalMilliseconds / units;
        var postgres = PostgresSeconds() is { } now && _postgres is { } before ? (now - before) * 1000 / units : (double?)null;
        return (process, postgres);
    }

    /// <summary>Describes CPU per unit for the report.</summary>
    public string Describe(long units, string unit, string processName)
    {
        var (process, postgres) = PerUnit(units);
        var allocated = (GC.GetTotalAllocatedBytes() - _allocated) / 1024.0 / units;
        return postgres is { } pg
            ? $"CPU per {unit}: {processName} {process:F2} ms, PostgreSQL {pg:F2} ms; {allocated:F0} KiB allocated"
            : $"CPU per {unit}: {processName} {process:F2} ms; {allocated:F0} KiB allocated";
    }

    /// <summary>Finds the local postmaster from a backend's process id (<c>pg_backend_pid()</c>): its parent, if both are postgres processes here.</summary>
    public static void FindPostmaster(int backendPid)
    {
        try
        {
            var parent = File.ReadLines($"/proc/{backendPid}/status").FirstOrDefault(l => l.StartsWith("PPid:", StringComparison.Ordinal));
            if (parent is not null && File.ReadAllText($"/proc/{backendPid}/comm").Trim() == "postgres")
            {
                Postmaster = int.Parse(parent["PPid:".Length..].Trim(), CultureInfo.InvariantCulture);
            }
        }
        catch (IOException)
        {
            // a remote server (or another container): no CPU figures for PostgreSQL
        }
        catch (UnauthorizedAccessException)
        {
            // not ours to read
        }
    }

    /// <summary>User + system CPU seconds of the benchmark's PostgreSQL server; null when it is not local.</summary>
    public static double? PostgresSeconds()
    {
        if (Postmaster is not { } postmaster || !Directory.Exists("/proc"))
        {
            return null;
        }

        long ticks = 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var close = stat.LastIndexOf(')');
                // Fields after the command: state is field 3, ppid field 4; utime, stime, cutime, cstime are fields 14 to 17.
                var fields = stat[(close + 2)..].Split(' ');
                if (pid == postmaster)
                {
                    // Its cutime/cstime hold the CPU of backends that have exited (pgbench's, at its end).
                    for (var i = 11; i <= 14; i++)
                    {
                        ticks += long.Parse(fields[i], CultureInfo.InvariantCulture);
                    }
                }
                else if (int.Parse(fields[1], CultureInfo.InvariantCulture) == postmaster)
                {
                    ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                }
            }
            catch (IOException)
            {
                // the process ended meanwhile
            }
            catch (UnauthorizedAccessException)
            {
                // not ours to read
            }
        }

        return ticks / TicksPerSecond;
    }
}
