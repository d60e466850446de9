namespace Sleek.Workflows.Bench;

/// <summary>The machine's load (other processes share these cores), printed with the figures.</summary>
internal static class LoadAverage
{
    public static string Read()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return $"{parts[0]} / {parts[1]} / {parts[2]} (1 / 5 / 15 min)";
        }
        catch (IOException)
        {
            return "unknown";
        }
        catch (UnauthorizedAccessException)
        {
            return "unknown";
        }
    }
}
