using System.Linq.Expressions;
using System.Text.Json;
using System.Text.Json.Serialization;
using RulesEngine.ExpressionBuilders;
using RulesEngine.Models;

namespace Sleek.Workflows.Marketplace.Rules;

/// <summary>
/// Compiles every expression of a rule set up front (rule expressions, global and local params,
/// OutputExpression actions) against the shape's typed input, because RulesEngine itself accepts a
/// broken expression and only reports it per execution (docs/dependencies.md §2).
/// </summary>
internal static class RuleSetValidator
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter() },
    };

    // One parser for every check: a new one scans every loaded assembly's types for Dynamic LINQ's custom types on its
    // first parse (about 0.1 s each, once per workflow of every rule set at start-up before). Parses take turns on it.
    private static readonly RuleExpressionParser Parser = new(new ReSettings());
    private static readonly Lock ParserLock = new();

    /// <summary>Reads and checks the JSON; the workflows are null when it could not be read at all.</summary>
    internal static (Workflow[]? Workflows, List<RuleProblem> Problems) Check(RuleSetShape shape, string json)
    {
        var problems = new List<RuleProblem>();
        void Add(string? workflow, string? rule, string error) => problems.Add(new(shape.Name, workflow, rule, error));

        Workflow[]? workflows;
        try
        {
            workflows = Read(json);
        }
        catch (JsonException e)
        {
            Add(null, null, $"not valid RulesEngine JSON: {e.Message}");
            return (null, problems);
        }

        if (workflows is null || workflows.Length == 0)
        {
            Add(null, null, "the rule set has no workflows; expected a JSON array of RulesEngine workflows");
            return (null, problems);
        }

        var names = workflows.Select(w => w?.WorkflowName).ToHashSet(StringComparer.Ordinal);
        var seenWorkflows = new HashSet<string>(StringComparer.Ordinal);
        foreach (var workflow in workflows)
        {
            if (workflow is null || string.IsNullOrWhiteSpace(workflow.WorkflowName))
            {
                Add(null, null, "a workflow has no WorkflowName");
                continue;
            }

            if (!seenWorkflows.Add(workflow.WorkflowName))
            {
                Add(workflow.WorkflowName, null, "the WorkflowName is used twice");
            }

            var parser = Parser;
            var parameters = new List<ParameterExpression> { Expression.Parameter(shape.InputType, RuleSetShape.ParameterName) };
            AddScopedParams(workflow.GlobalParams, parameters, parser, error => Add(workflow.WorkflowName, null, error));
            var rules = workflow.Rules?.ToList() ?? [];
            if (rules.Count == 0)
            {
                Add(workflow.WorkflowName, null, "the workflow has no rules");
            }

            CheckRules(rules, "", parameters, parser, names, (rule, error) => Add(workflow.WorkflowName, rule, error));
        }

        if (problems.Count == 0)
        {
            try
            {
                // RulesEngine's own structural validation (FluentValidation) runs when workflows are added.
                _ = new global::RulesEngine.RulesEngine(workflows, new ReSettings());
            }
            catch (Exception e)
            {
                Add(null, null, e.Message);
            }
        }

        return (workflows, problems);
    }

    private static Workflow[]? Read(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            throw new JsonException("the body is empty");
        }

        var trimmed = json.TrimStart();
        return trimmed.StartsWith('{')
            ? JsonSerializer.Deserialize<Workflow>(json, Json) is { } one ? [one] : null
            : JsonSerializer.Deserialize<Workflow[]>(json, Json);
    }

    private static void CheckRules(
        List<Rule> rules, string prefix, List<ParameterExpression> parameters, RuleExpressionParser parser,
        HashSet<string?> workflowNames, Action<string?, string> add)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            if (rule is null || string.IsNullOrWhiteSpace(rule.RuleName))
            {
                add(prefix.Length == 0 ? null : prefix.TrimEnd('/'), "a rule has no RuleName");
                continue;
            }

            var name = prefix + rule.RuleName;
            if (!seen.Add(rule.RuleName))
            {
                add(name, "the RuleName is used twice in the same list");
            }

            if (rule.RuleExpressionType != RuleExpressionType.LambdaExpression)
            {
                add(name, $"RuleExpressionType {rule.RuleExpressionType} is not supported; use LambdaExpression");
                continue;
            }

            var scoped = new List<ParameterExpression>(parameters);
            AddScopedParams(rule.LocalParams, scoped, parser, error => add(name, error));
            var children = rule.Rules?.ToList() ?? [];
            if (children.Count > 0)
            {
                if (rule.Operator is null)
                {
                    add(name, "nested rules need an Operator (And, AndAlso, Or, OrElse)");
                }

                CheckRules(children, name + "/", scoped, parser, workflowNames, add);
            }
            else if (string.IsNullOrWhiteSpace(rule.Expression))
            {
                add(name, "the Expression is empty");
            }
            else if (Compile(parser, rule.Expression, scoped, typeof(bool)) is { } error)
            {
                add(name, $"Expression does not compile: {error}");
            }

            CheckAction(rule.Actions?.OnSuccess, "OnSuccess", name, scoped, parser, workflowNames, add);
            CheckAction(rule.Actions?.OnFailure, "OnFailure", name, scoped, parser, workflowNames, add);
        }
    }

    private static void CheckAction(
        ActionInfo? action, string when, string rule, List<ParameterExpression> parameters, RuleExpressionParser parser,
        HashSet<string?> workflowNames, Action<string?, string> add)
    {
        if (action is null)
        {
            return;
        }

        var context = action.Context ?? [];
        switch (action.Name)
        {
            case "OutputExpression":
                var expression = ContextString(context, "Expression");
                if (string.IsNullOrWhiteSpace(expression))
                {
                    add(rule, $"{when} OutputExpression has no Context.Expression");
                }
                else if (Compile(parser, expression, parameters, null) is { } error)
                {
                    add(rule, $"{when} OutputExpression does not compile: {error}");
                }

                break;
            case "EvaluateRule":
                var target = ContextString(context, "WorkflowName");
                if (!workflowNames.Contains(target))
                {
                    add(rule, $"{when} EvaluateRule names workflow '{target}', which is not in this rule set");
                }

                break;
            default:
                add(rule, $"{when} action '{action.Name}' is unknown; use OutputExpression or EvaluateRule");
                break;
        }
    }

    private static void AddScopedParams(
        IEnumerable<ScopedParam>? scopedParams, List<ParameterExpression> parameters, RuleExpressionParser parser, Action<string> add)
    {
        foreach (var param in scopedParams ?? [])
        {
            if (string.IsNullOrWhiteSpace(param.Name) || string.IsNullOrWhiteSpace(param.Expression))
            {
                add("a param needs a Name and an Expression");
                continue;
            }

            try
            {
                var body = parser.Parse(param.Expression, [.. parameters], null);
                parameters.Add(Expression.Parameter(body.Type, param.Name));
            }
            catch (Exception e)
            {
                add($"param '{param.Name}' does not compile: {Describe(e)}");
            }
        }
    }

    private static string? Compile(RuleExpressionParser parser, string expression, List<ParameterExpression> parameters, Type? returnType)
    {
        try
        {
            lock (ParserLock)
            {
                parser.Parse(expression, [.. parameters], returnType);
            }

            return null;
        }
        catch (Exception e)
        {
            return Describe(e);
        }
    }

    private static string Describe(Exception e) =>
        e is System.Linq.Dynamic.Core.Exceptions.ParseException parse ? $"{parse.Message} (at character {parse.Position + 1})" : e.Message;

    private static string? ContextString(Dictionary<string, object> context, string key)
    {
        var match = context.FirstOrDefault(kv => string.Equals(kv.Key, key, StringComparison.OrdinalIgnoreCase)).Value;
        return match switch
        {
            string s => s,
            JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
            null => null,
            _ => match.ToString(),
        };
    }
}
