using System.Text.RegularExpressions;
using Sleek.Workflows.Marketplace.Suppliers;

namespace Sleek.Workflows.Marketplace.Rules;

/// <summary>
/// The rule sets the marketplace's code relies on (built in: they cannot be renamed or retired), the input kinds any
/// rule set may take, and the reading of rule set JSON (from <c>rules/*.json</c>, the database or an API body) with
/// every expression compiled up front. Rule sets of other names are created by rule authors (<see cref="RuleSetStore"/>).
/// </summary>
public sealed partial class RuleSetCatalog
{
    /// <summary><c>rules/supplier-eligibility.json</c>: a failed rule excludes the supplier. Input <see cref="SupplierRuleInput"/>.</summary>
    public const string SupplierEligibility = "supplier-eligibility";

    /// <summary><c>rules/supplier-urgency.json</c>: the first matched rule's output is the level. Input <see cref="UrgencyInput"/>.</summary>
    public const string SupplierUrgency = "supplier-urgency";

    /// <summary><c>rules/automation.json</c>: matched rules' outputs are actions. Input <see cref="Rules.AutomationInput"/>.</summary>
    public const string Automation = "automation";

    /// <summary><c>rules/supplier-scoring.json</c>: the outputs of the rules named specialization, workload, rating and onTime are the score's parts. Input <see cref="SupplierScoreInput"/>.</summary>
    public const string SupplierScoring = "supplier-scoring";

    /// <summary>The input kinds a rule set may take, by name (what a rule author picks when creating one).</summary>
    public static readonly IReadOnlyDictionary<string, Type> InputKinds = new Dictionary<string, Type>(StringComparer.Ordinal)
    {
        ["supplier"] = typeof(SupplierRuleInput),
        ["urgency"] = typeof(UrgencyInput),
        ["automation"] = typeof(AutomationInput),
        ["supplier-score"] = typeof(SupplierScoreInput),
    };

    private readonly Dictionary<string, RuleSetShape> _shapes;

    /// <summary>A catalog of these built-in shapes.</summary>
    public RuleSetCatalog(IEnumerable<RuleSetShape> shapes)
    {
        _shapes = shapes.ToDictionary(s => s.Name, StringComparer.Ordinal);
    }

    /// <summary>The marketplace's four built-in rule sets.</summary>
    public RuleSetCatalog()
        : this([
            new(SupplierEligibility, typeof(SupplierRuleInput), "Which suppliers may be offered an order; a failed rule excludes the supplier."),
            new(SupplierUrgency, typeof(UrgencyInput), "How urgent an unassigned order is: the first matched rule's output (high, medium, low)."),
            new(Automation, typeof(AutomationInput), "Automation actions for orders, quotes and stages: each matched rule's output {action}."),
            new(SupplierScoring, typeof(SupplierScoreInput), "Supplier score points: the outputs of the rules specialization, workload, rating and onTime."),
        ])
    {
    }

    /// <summary>The built-in rule sets, by name.</summary>
    public IReadOnlyList<RuleSetShape> Shapes => [.. _shapes.Values.OrderBy(s => s.Name, StringComparer.Ordinal)];

    /// <summary>Whether a rule set of this name is built in.</summary>
    public bool IsKnown(string name) => _shapes.ContainsKey(name);

    /// <summary>The input kind of a type (<see cref="InputKinds"/>).</summary>
    public static string KindOf(Type inputType) => InputKinds.First(k => k.Value == inputType).Key;

    /// <summary>Whether <paramref name="name"/> may name a rule set: lower-case letters, digits and dashes, 1–100.</summary>
    public static bool IsValidName(string name) => NamePattern().IsMatch(name);

    /// <summary>The shape of a built-in rule set.</summary>
    /// <exception cref="UnknownRuleSetException">The name is not built in.</exception>
    public RuleSetShape Get(string name) =>
        _shapes.TryGetValue(name, out var shape) ? shape : throw new UnknownRuleSetException(name, _shapes.Keys.Order(StringComparer.Ordinal));

    /// <summary>The shape of a rule set of any name taking input kind <paramref name="input"/> (a built-in keeps its own).</summary>
    /// <exception cref="UnknownRuleSetException">Neither built in nor a known input kind.</exception>
    public RuleSetShape Get(string name, string? input, string? description = null) =>
        _shapes.TryGetValue(name, out var shape) ? shape
        : input is not null && InputKinds.TryGetValue(input, out var type) ? new RuleSetShape(name, type, description ?? "")
        : throw new UnknownRuleSetException(name, _shapes.Keys.Order(StringComparer.Ordinal));

    /// <summary>Reads and compiles a built-in rule set's JSON (see <see cref="RuleSetFile.Problems"/>).</summary>
    /// <exception cref="UnknownRuleSetException">The name is not built in.</exception>
    public RuleSetFile Parse(string name, string json, int version = 0) => RuleSetFile.Parse(Get(name), json, version);

    /// <summary>
    /// Reads and compiles every <c>*.json</c> in a folder. A file whose name is not a built-in rule set, or that does
    /// not compile, fails the whole load with every problem named, as a broken file must not start.
    /// </summary>
    /// <exception cref="InvalidRuleSetException">A file is unknown or invalid.</exception>
    public IReadOnlyList<RuleSetFile> LoadDirectory(string directory) => Compile(ReadDirectory(directory), Path.GetFileName(directory));

    /// <summary>The text of every <c>*.json</c> in a folder by rule set name, in name order, without compiling it.</summary>
    /// <exception cref="InvalidRuleSetException">A file's name is not a built-in rule set.</exception>
    public IReadOnlyList<(string Name, string Json)> ReadDirectory(string directory)
    {
        var files = new List<(string, string)>();
        var problems = new List<RuleProblem>();
        foreach (var path in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (!IsKnown(name))
            {
                problems.Add(new(name, null, null, new UnknownRuleSetException(name, _shapes.Keys.Order(StringComparer.Ordinal)).Message));
                continue;
            }

            files.Add((name, File.ReadAllText(path)));
        }

        return problems.Count > 0 ? throw new InvalidRuleSetException(Path.GetFileName(directory), problems) : files;
    }

    /// <summary>Compiles built-in rule sets' JSON; any problem fails them all, each problem named.</summary>
    /// <exception cref="InvalidRuleSetException">A file does not compile.</exception>
    public IReadOnlyList<RuleSetFile> Compile(IEnumerable<(string Name, string Json)> files, string source)
    {
        var compiled = files.Select(f => Parse(f.Name, f.Json, 1)).ToList();
        var problems = compiled.SelectMany(f => f.Problems).ToList();
        return problems.Count > 0 ? throw new InvalidRuleSetException(source, problems) : compiled;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,99}$")]
    private static partial Regex NamePattern();
}
