namespace Sleek.Workflows.Marketplace.Rules;

/// <summary>Where the runtime reads the current version of each rule set (the files, or the database's latest version).</summary>
public interface IRuleSetSource
{
    /// <summary>The latest version of a rule set, or null when there is none.</summary>
    Task<RuleSetDocument?> GetLatestAsync(string name, CancellationToken cancellationToken);
}
