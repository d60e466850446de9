using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using RulesEngine.Models;

namespace Sleek.Workflows.Marketplace.Rules;

/// <summary>
/// Runs rule sets on typed inputs. The current version of each rule set comes from an
/// <see cref="IRuleSetSource"/>; its compiled form is cached per (name, version, JSON) so a new version
/// is picked up at once and an unchanged one is compiled once. Safe to use from many threads.
/// </summary>
public sealed class RulesRunner(RuleSetCatalog catalog, IRuleSetSource source)
{
    private readonly ConcurrentDictionary<(string Name, int Version, string Json), RuleSetFile> _compiled = new();

    /// <summary>The catalog of known rule sets.</summary>
    public RuleSetCatalog Catalog => catalog;

    /// <summary>The current, compiled version of a rule set.</summary>
    /// <exception cref="UnknownRuleSetException">Nothing is stored under the name.</exception>
    /// <exception cref="RetiredRuleSetException">The rule set is retired.</exception>
    /// <exception cref="InvalidRuleSetException">The stored version does not compile.</exception>
    public async Task<RuleSetFile> GetCurrentAsync(string name, CancellationToken cancellationToken)
    {
        var document = await source.GetLatestAsync(name, cancellationToken)
            ?? throw new UnknownRuleSetException(name, catalog.Shapes.Select(s => s.Name));
        if (document.Retired)
        {
            throw new RetiredRuleSetException(name);
        }

        var shape = catalog.Get(name, document.Input);
        var file = _compiled.GetOrAdd((name, document.Version, document.Json), key => RuleSetFile.Parse(shape, key.Json, key.Version));
        if (_compiled.Count > 64)
        {
            // Old versions are kept only while few; dropping all is fine, the current one recompiles once.
            _compiled.Clear();
        }

        return file.EnsureValid();
    }

    /// <summary>Runs the current version of a rule set.</summary>
    /// <param name="ruleSet">The rule set's name, e.g. <c>automation</c>.</param>
    /// <param name="input">The rule set's typed input (see <see cref="RuleSetShape.InputType"/>).</param>
    /// <param name="cancellationToken">Cancels reading the rule set.</param>
    public async Task<RuleSetResult> RunAsync(string ruleSet, object input, CancellationToken cancellationToken) =>
        await RunAsync(await GetCurrentAsync(ruleSet, cancellationToken), input);

    /// <summary>Runs the current version of a rule set on a JSON input read as its typed input.</summary>
    /// <exception cref="JsonException">The JSON does not fit the rule set's input type.</exception>
    public async Task<RuleSetResult> RunJsonAsync(string ruleSet, JsonNode? input, CancellationToken cancellationToken)
    {
        var rules = await GetCurrentAsync(ruleSet, cancellationToken);
        return await RunAsync(rules, rules.Shape.ReadInput(input));
    }

    /// <summary>Runs a given (e.g. candidate) rule set: every workflow in order, every rule of each.</summary>
    /// <exception cref="ArgumentException">The input is not the rule set's input type.</exception>
    /// <exception cref="InvalidRuleSetException">The rule set does not compile.</exception>
    public static async Task<RuleSetResult> RunAsync(RuleSetFile rules, object input)
    {
        if (input.GetType() != rules.Shape.InputType)
        {
            throw new ArgumentException($"Rule set '{rules.Name}' takes {rules.Shape.InputType.Name}, not {input.GetType().Name}.", nameof(input));
        }

        var engine = rules.Engine;
        var matched = new List<MatchedRule>();
        var failed = new List<FailedRule>();
        foreach (var workflow in rules.Workflows)
        {
            var results = await engine.ExecuteAllRulesAsync(workflow.WorkflowName, new RuleParameter(RuleSetShape.ParameterName, input));
            foreach (var result in results)
            {
                var name = result.Rule.RuleName;
                if (result.ActionResult?.Exception is { } actionError)
                {
                    failed.Add(new(workflow.WorkflowName, name, $"the rule held but its action failed: {actionError.Message}"));
                }
                else if (result.IsSuccess)
                {
                    matched.Add(new(workflow.WorkflowName, name, NullIfEmpty(result.Rule.SuccessEvent), ToJson(result.ActionResult?.Output)));
                }
                else
                {
                    failed.Add(new(workflow.WorkflowName, name, NullIfEmpty(result.ExceptionMessage) ?? NullIfEmpty(result.Rule.ErrorMessage) ?? "the condition does not hold"));
                }
            }
        }

        return new RuleSetResult(rules.Name, rules.Version, matched, failed);
    }

    private static JsonNode? ToJson(object? output) => output is null ? null : JsonSerializer.SerializeToNode(output, output.GetType());

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
