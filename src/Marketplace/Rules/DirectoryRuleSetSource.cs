namespace Sleek.Workflows.Marketplace.Rules;

/// <summary>Reads <c>&lt;directory&gt;/&lt;name&gt;.json</c> as version 1: for tests and for running without a database.</summary>
/// <param name="directory">The rules folder, e.g. the repository's <c>rules/</c>.</param>
public sealed class DirectoryRuleSetSource(string directory) : IRuleSetSource
{
    /// <inheritdoc />
    public async Task<RuleSetDocument?> GetLatestAsync(string name, CancellationToken cancellationToken)
    {
        var path = Path.Combine(directory, name + ".json");
        return File.Exists(path) ? new RuleSetDocument(name, 1, await File.ReadAllTextAsync(path, cancellationToken)) : null;
    }
}
