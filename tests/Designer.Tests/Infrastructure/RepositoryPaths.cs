namespace Sleek.Workflows.Designer.Tests.Infrastructure;

/// <summary>What the browser tests need of the checkout beyond <see cref="SourceTree"/>: the built designer and a screenshots folder.</summary>
public static class RepositoryPaths
{
    /// <summary>
    /// Fails unless the host that <see cref="HostProcess"/> starts (<see cref="HostProcess.HostDll"/>) has the designer
    /// copied to its designer/ folder, which a build with -p:SkipDesignerBuild=true leaves out.
    /// </summary>
    public static void RequireBuiltDesigner()
    {
        var dll = HostProcess.HostDll();
        if (!File.Exists(Path.Combine(Path.GetDirectoryName(dll)!, "designer", "index.html")))
        {
            throw new InvalidOperationException($"the host next to {dll} has no designer/index.html: it was built with -p:SkipDesignerBuild=true; build it without that switch.");
        }
    }

    /// <summary>TestResults/screenshots (or SLEEK_SCREENSHOTS): every main screen is saved there as a PNG.</summary>
    public static string Screenshots()
    {
        var configured = Environment.GetEnvironmentVariable("SLEEK_SCREENSHOTS");
        var path = string.IsNullOrWhiteSpace(configured) ? Path.Combine(SourceTree.Root, "TestResults", "screenshots") : configured;
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>
    /// With SLEEK_UPDATE_README_SCREENSHOTS=1, copies the screenshot <paramref name="shot"/> (taken into
    /// <see cref="Screenshots"/>) to docs/screenshots/<paramref name="readmeName"/>.png, README's picture of that screen;
    /// otherwise does nothing, so a test run leaves the checkout as it was.
    /// </summary>
    public static void UpdateReadmeScreenshot(string shot, string readmeName)
    {
        if (Environment.GetEnvironmentVariable("SLEEK_UPDATE_README_SCREENSHOTS") == "1")
        {
            File.Copy(Path.Combine(Screenshots(), $"{shot}.png"), Path.Combine(SourceTree.Root, "docs", "screenshots", $"{readmeName}.png"), overwrite: true);
        }
    }
}
