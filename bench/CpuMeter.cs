using System.Diagnostics;
using System.Globalization;

namespace Sleek.Workflows.Bench;

/// <summary>
/// CPU time spent while a measurement runs, by this process and by the local PostgreSQL server (all
/// processes named postgres, read from /proc), so cost per step can be compared on a busy machine.
/// </summary>
internal sealed class CpuMeter
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

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

    /// <summary>User + system CPU seconds of every process named postgres; null when /proc is not there.</summary>
    public static double? PostgresSeconds()
    {
        if (!Directory.Exists("/proc"))
        {
            return null;
        }

        long ticks = 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var close = stat.LastIndexOf(')');
                var open = stat.IndexOf('(', StringComparison.Ordinal);
                if (open < 0 || close < 0 || stat[(open + 1)..close] != "postgres")
                {
                    continue;
                }

                // Fields after the command: state is field 3; utime, stime, cutime, cstime are fields 14 to 17.
                // The postmaster's cutime/cstime hold the CPU of backends that have exited (pgbench's, at its end).
                var fields = stat[(close + 2)..].Split(' ');
                for (var i = 11; i <= 14; i++)
                {
                    ticks += long.Parse(fields[i], CultureInfo.InvariantCulture);
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
