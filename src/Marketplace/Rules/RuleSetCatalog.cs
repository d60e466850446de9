using Sleek.Workflows.Marketplace.Suppliers;

namespace Sleek.Workflows.Marketplace.Rules;

/// <summary>
/// The rule sets the marketplace knows, each with its input shape, and the reading of their JSON
/// (from <c>rules/*.json</c>, the database or an API body) with every expression compiled up front.
/// </summary>
public sealed class RuleSetCatalog
{
    /// <summary><c>rules/supplier-eligibility.json</c>: a failed rule excludes the supplier. Input <see cref="SupplierRuleInput"/>.</summary>
    public const string SupplierEligibility = "supplier-eligibility";

    /// <summary><c>rules/supplier-urgency.json</c>: the first matched rule's output is the level. Input <see cref="UrgencyInput"/>.</summary>
    public const string SupplierUrgency = "supplier-urgency";

    /// <summary><c>rules/automation.json</c>: matched rules' outputs are actions. Input <see cref="Rules.AutomationInput"/>.</summary>
    public const string Automation = "automation";

    private readonly Dictionary<string, RuleSetShape> _shapes;

    /// <summary>A catalog of these shapes.</summary>
    public RuleSetCatalog(IEnumerable<RuleSetShape> shapes)
    {
        _shapes = shapes.ToDictionary(s => s.Name, StringComparer.Ordinal);
    }

    /// <summary>The marketplace's three rule sets.</summary>
    public RuleSetCatalog()
        : this([
            new(SupplierEligibility, typeof(SupplierRuleInput), "Which suppliers may be offered an order; a failed rule excludes the supplier."),
            new(SupplierUrgency, typeof(UrgencyInput), "How urgent an unassigned order is: the first matched rule's output (high, medium, low)."),
            new(Automation, typeof(AutomationInput), "Automation actions for orders, quotes and stages: each matched rule's output {action}."),
        ])
    {
    }

    /// <summary>The known rule sets, by name.</summary>
    public IReadOnlyList<RuleSetShape> Shapes => [.. _shapes.Values.OrderBy(s => s.Name, StringComparer.Ordinal)];

    /// <summary>Whether a rule set of this name is known.</summary>
    public bool IsKnown(string name) => _shapes.ContainsKey(name);

    /// <summary>The shape of a known rule set.</summary>
    /// <exception cref="UnknownRuleSetException">The name is not known; the message lists the known ones.</exception>
    public RuleSetShape Get(string name) =>
        _shapes.TryGetValue(name, out var shape) ? shape : throw new UnknownRuleSetException(name, _shapes.Keys.Order(StringComparer.Ordinal));

    /// <summary>Reads and compiles a rule set's JSON (see <see cref="RuleSetFile.Problems"/>).</summary>
    /// <exception cref="UnknownRuleSetException">The name is not known.</exception>
    public RuleSetFile Parse(string name, string json, int version = 0) => RuleSetFile.Parse(Get(name), json, version);

    /// <summary>
    /// Reads every <c>*.json</c> in a folder. A file whose name is not a known rule set, or that does
    /// not compile, fails the whole load with every problem named, as a broken file must not start.
    /// </summary>
    /// <exception cref="InvalidRuleSetException">A file is unknown or invalid.</exception>
    public IReadOnlyList<RuleSetFile> LoadDirectory(string directory)
    {
        var files = new List<RuleSetFile>();
        var problems = new List<RuleProblem>();
        foreach (var path in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (!IsKnown(name))
            {
                problems.Add(new(name, null, null, new UnknownRuleSetException(name, _shapes.Keys.Order(StringComparer.Ordinal)).Message));
                continue;
            }

            var file = Parse(name, File.ReadAllText(path), 1);
            problems.AddRange(file.Problems);
            files.Add(file);
        }

        return problems.Count > 0 ? throw new InvalidRuleSetException(Path.GetFileName(directory), problems) : files;
    }
}
