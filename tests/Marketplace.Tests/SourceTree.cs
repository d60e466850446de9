namespace Sleek.Workflows.Marketplace.Tests;

/// <summary>The repository checkout the tests run from (for its rules/ and templates/ folders).</summary>
internal static class SourceTree
{
    /// <summary>The repository root (the folder holding Sleek.Workflows.sln).</summary>
    public static string Root { get; } = Find();

    private static string Find()
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
}
