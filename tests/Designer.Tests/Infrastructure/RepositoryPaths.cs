namespace Sleek.Workflows.Designer.Tests.Infrastructure;

/// <summary>Where the repository, the built host and the screenshots are.</summary>
public static class RepositoryPaths
{
    /// <summary>The folder holding Sleek.Workflows.sln, found upwards from the test assembly.</summary>
    public static string Root()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Sleek.Workflows.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"Sleek.Workflows.sln not found above {AppContext.BaseDirectory}");
    }

    /// <summary>
    /// <c>src/Host/bin/&lt;Configuration&gt;/net10.0/Sleek.Workflows.Host.dll</c> in this test assembly's configuration
    /// (the project reference builds it, with the designer copied to its designer/ folder).
    /// </summary>
    public static string HostDll()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var dll = Path.Combine(Root(), "src", "Host", "bin", output.Parent!.Name, output.Name, "Sleek.Workflows.Host.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} does not exist: build the solution first (./test.sh does).");
        }

        if (!File.Exists(Path.Combine(Path.GetDirectoryName(dll)!, "designer", "index.html")))
        {
            throw new InvalidOperationException($"the host next to {dll} has no designer/index.html: it was built with -p:SkipDesignerBuild=true; build it without that switch.");
        }

        return dll;
    }

    /// <summary>TestResults/screenshots (or SLEEK_SCREENSHOTS): every main screen is saved there as a PNG.</summary>
    public static string Screenshots()
    {
        var configured = Environment.GetEnvironmentVariable("SLEEK_SCREENSHOTS");
        var path = string.IsNullOrWhiteSpace(configured) ? Path.Combine(Root(), "TestResults", "screenshots") : configured;
        Directory.CreateDirectory(path);
        return path;
    }
}
