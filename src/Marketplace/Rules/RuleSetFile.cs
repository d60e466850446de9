using System.Text.Json;
using System.Text.Json.Nodes;
using RulesEngine.Models;

namespace Sleek.Workflows.Marketplace.Rules;

/// <summary>
/// A rule set read from JSON and compiled up front. <see cref="Problems"/> is empty when every
/// expression compiles; only then can it run (its RulesEngine instance is built once, on first use).
/// </summary>
public sealed class RuleSetFile
{
    private readonly Lazy<global::RulesEngine.RulesEngine> _engine;

    private RuleSetFile(RuleSetShape shape, int version, string json, Workflow[]? workflows, IReadOnlyList<RuleProblem> problems)
    {
        Shape = shape;
        Version = version;
        Json = json;
        Workflows = workflows ?? [];
        Problems = problems;
        _engine = new(() => new global::RulesEngine.RulesEngine(workflows, new ReSettings()), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The rule set's name.</summary>
    public string Name => Shape.Name;

    /// <summary>The input shape its expressions were compiled against.</summary>
    public RuleSetShape Shape { get; }

    /// <summary>The stored version, 0 for an unsaved candidate.</summary>
    public int Version { get; }

    /// <summary>The JSON it was read from.</summary>
    public string Json { get; }

    /// <summary>The RulesEngine workflows, run in this order.</summary>
    public IReadOnlyList<Workflow> Workflows { get; }

    /// <summary>What does not compile; empty when the rule set is valid.</summary>
    public IReadOnlyList<RuleProblem> Problems { get; }

    /// <summary>True when every expression compiled.</summary>
    public bool IsValid => Problems.Count == 0;

    /// <summary>The number of top-level rules over all workflows.</summary>
    public int RuleCount => Workflows.Sum(w => w.Rules?.Count() ?? 0);

    /// <summary>The engine for this version; built once, safe to share between threads.</summary>
    internal global::RulesEngine.RulesEngine Engine => IsValid ? _engine.Value : throw new InvalidRuleSetException(Name, Problems);

    /// <summary>Reads and compiles a rule set; never throws for bad JSON or expressions (see <see cref="Problems"/>).</summary>
    public static RuleSetFile Parse(RuleSetShape shape, string json, int version = 0)
    {
        var (workflows, problems) = RuleSetValidator.Check(shape, json);
        return new RuleSetFile(shape, version, json, workflows, problems);
    }

    /// <summary>Counts top-level rules in stored JSON without compiling it (0 when it cannot be read).</summary>
    public static int CountRules(string json)
    {
        try
        {
            var node = JsonNode.Parse(json, documentOptions: new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var workflows = node is JsonArray array ? [.. array] : new List<JsonNode?> { node };
            return workflows.Sum(w => w is JsonObject o
                && o.FirstOrDefault(p => string.Equals(p.Key, "Rules", StringComparison.OrdinalIgnoreCase)).Value is JsonArray rules ? rules.Count : 0);
        }
        catch (JsonException)
        {
            return 0;
        }
    }

    /// <summary>Throws <see cref="InvalidRuleSetException"/> naming every problem when the rule set is invalid.</summary>
    public RuleSetFile EnsureValid() => IsValid ? this : throw new InvalidRuleSetException(Name, Problems);
}
