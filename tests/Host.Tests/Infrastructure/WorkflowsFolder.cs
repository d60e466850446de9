using System.Text.Json.Nodes;

namespace Sleek.Workflows.Host.Tests.Infrastructure;

/// <summary>A temporary <c>workflows/</c> folder holding the definition files one test needs.</summary>
public sealed class WorkflowsFolder : IDisposable
{
    public string Path { get; } = TempDirectory.Create("workflows");

    /// <summary>Copies <c>workflows/&lt;id&gt;/v1.json</c> from the repository.</summary>
    public WorkflowsFolder WithSample(string definitionId) =>
        WithFile(definitionId, 1, File.ReadAllText(System.IO.Path.Combine(SourceTree.Root, "workflows", definitionId, "v1.json")));

    /// <summary>Writes <c>&lt;folder&gt;/v&lt;version&gt;.json</c>.</summary>
    public WorkflowsFolder WithFile(string folder, int version, string json)
    {
        var directory = System.IO.Path.Combine(Path, folder);
        Directory.CreateDirectory(directory);
        File.WriteAllText(System.IO.Path.Combine(directory, $"v{version}.json"), json);
        return this;
    }

    /// <summary>Writes a definition under the path its id and version name.</summary>
    public WorkflowsFolder With(JsonObject definition) =>
        WithFile(definition["definitionId"]!.GetValue<string>(), definition["version"]!.GetValue<int>(), definition.ToJsonString());

    public void Dispose() => TempDirectory.Delete(Path);
}
