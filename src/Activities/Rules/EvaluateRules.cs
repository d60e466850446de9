using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Sleek.Workflows.Engine.Activities;
using Sleek.Workflows.Engine.Definitions;
using Sleek.Workflows.Engine.Expressions;
using Sleek.Workflows.Marketplace.Persistence;
using Sleek.Workflows.Marketplace.Rules;

namespace Sleek.Workflows.Activities.Rules;

/// <summary>
/// Runs a rule set by name (built in, e.g. <c>rules/automation.json</c>, or created by a rule author; latest saved version) on an input object. The output
/// names every matched rule with its output and every failed rule with why, so the journal shows which
/// rules matched. Routing: without <see cref="Actions"/> it always continues through <c>Done</c> (route
/// with a Decision on <c>outputs.&lt;id&gt;.action</c>); with <see cref="Actions"/> (e.g.
/// <c>["admin_review","skip_review"]</c>) each is a port and the first matched rule whose action is listed
/// picks it, else <c>Default</c>.
/// </summary>
[Activity("EvaluateRules", InProcess = true, Category = "Rules", DisplayName = "Evaluate rules", Ports = ["Done"], OutputType = "object",
    Description = "Runs a RulesEngine rule set; output {action, matched:[{rule, output}], failed:[{rule, message}]}; optional ports per action.")]
public sealed class EvaluateRules : IActivity, IHasDynamicPorts, IValidatesInputs
{
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    /// <summary>The rule set's name, e.g. <c>automation</c>.</summary>
    [Input(Required = true, UiHint = "ruleSet",
        Description = "Rule set by name (GET /api/rules lists them: built-in ones such as automation, and those rule authors created).")]
    public string RuleSet { get; set; } = "";

    /// <summary>The facts, as the rule set's input shape (e.g. AutomationInput: quoteTotal, buyerCompletedOrders, stageDaysLate).</summary>
    [Input(Required = true, Description = "The facts the rules read, e.g. {\"quoteTotal\": 12000, \"buyerCompletedOrders\": 1}.")]
    public JsonNode? Input { get; set; }

    /// <summary>Optional action names that become ports (plus Default); empty means the single port Done.</summary>
    [Input(LiteralOnly = true, Description = "Action names to route by, e.g. [\"admin_review\", \"skip_review\"]; each becomes a port, plus Default.")]
    public List<string> Actions { get; set; } = [];

    /// <inheritdoc />
    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var runner = context.Services.GetRequiredService<RulesRunner>();
        RuleSetResult result;
        try
        {
            var rules = await runner.GetCurrentAsync(RuleSet, context.CancellationToken);
            var input = await ReadInputAsync(context, rules.Shape);
            if (input is null)
            {
                return ActivityResult.Fault($"rule set '{RuleSet}': the order or quote named in the input does not exist");
            }

            result = await RulesRunner.RunAsync(rules, input);
        }
        catch (Exception e) when (e is UnknownRuleSetException or RetiredRuleSetException or InvalidRuleSetException or JsonException)
        {
            return ActivityResult.Fault($"rule set '{RuleSet}': {e.Message}");
        }

        var output = result.ToJson();
        if (Actions.Count == 0)
        {
            return ActivityResult.Done(output);
        }

        var port = result.Matched.Select(m => m.Action).FirstOrDefault(a => a is not null && Actions.Contains(a)) ?? "Default";
        output["port"] = port;
        return ActivityResult.Outcome(port, output);
    }

    /// <summary>
    /// The typed input. For an automation rule set (input kind <c>automation</c>), an input naming <c>orderId</c> or <c>quoteId</c> starts from
    /// the stored facts (total, quantity, buyer's completed orders; read in the burst's transaction, so an
    /// order created earlier in the same burst is seen) and the input's other fields override them.
    /// </summary>
    private async Task<object?> ReadInputAsync(ActivityContext context, RuleSetShape shape)
    {
        if (shape.InputType != typeof(AutomationInput) || Input is not JsonObject given
            || (Id(given, "orderId") is null && Id(given, "quoteId") is null))
        {
            return shape.ReadInput(Input);
        }

        var marketplace = context.Services.GetRequiredService<MarketplaceDb>();
        await using var db = context.Transaction is null ? marketplace.CreateContext() : marketplace.CreateContext(context);
        var facts = Id(given, "orderId") is { } orderId
            ? await AutomationFacts.ForOrderAsync(db, orderId, context.CancellationToken)
            : await AutomationFacts.ForQuoteAsync(db, Id(given, "quoteId")!.Value, context.CancellationToken);
        if (facts is null)
        {
            return null;
        }

        var merged = JsonSerializer.SerializeToNode(facts, WebJson)!.AsObject();
        foreach (var (key, value) in given)
        {
            if (key is not ("orderId" or "quoteId"))
            {
                merged[key] = value?.DeepClone();
            }
        }

        return shape.ReadInput(merged);
    }

    private static Guid? Id(JsonObject input, string name) =>
        input[name] is JsonValue v && v.TryGetValue<string>(out var s) && Guid.TryParse(s, out var id) ? id : null;

    /// <inheritdoc />
    public IEnumerable<string> GetPorts(IReadOnlyDictionary<string, JsonNode?> inputs)
    {
        var actions = ReadActions(inputs);
        return actions.Count == 0 ? [] : [.. actions, "Default"];
    }

    /// <inheritdoc />
    public IEnumerable<(string Input, string Message)> Validate(IReadOnlyDictionary<string, JsonNode?> inputs, ExpressionSyntax syntax)
    {
        // Rule sets are created at run time, so a name is only checked for its form here; an unknown or retired one faults naming it.
        if (inputs.TryGetValue("ruleSet", out var node) && InputValue.Parse(node) is { Kind: InputKind.Literal, Literal: JsonValue v }
            && v.TryGetValue<string>(out var name) && !RuleSetCatalog.IsValidName(name))
        {
            yield return ("ruleSet", $"'{name}' is not a rule set name: lower-case letters, digits and dashes (GET /api/rules lists them)");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var action in ReadActions(inputs))
        {
            if (action.Length == 0 || action is "Default" or "Done" || !seen.Add(action))
            {
                yield return ("actions", $"action '{action}' is empty, reserved (Default, Done) or listed twice");
            }
        }
    }

    private static List<string> ReadActions(IReadOnlyDictionary<string, JsonNode?> inputs) =>
        inputs.TryGetValue("actions", out var node) && InputValue.Parse(node) is { Kind: InputKind.Literal, Literal: JsonArray array }
            ? [.. array.Select(a => a is JsonValue v && v.TryGetValue<string>(out var s) ? s : "")]
            : [];
}
