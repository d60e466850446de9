using System.Text.Json.Nodes;
using Jint;
using Jint.Runtime;
using Scriban;
using System.Text.RegularExpressions;
using Sleek.Workflows.Engine.Definitions;
using Sleek.Workflows.Engine.Expressions.JavaScript;

namespace Sleek.Workflows.Engine.Expressions;

/// <summary>
/// Evaluates input values: JavaScript in a sandboxed Jint engine (time, memory, statement and recursion
/// limits, no CLR access), variable references, and Scriban templates.
/// </summary>
public sealed class ExpressionEvaluator(ExpressionSyntax syntax, SandboxLimits limits)
{
    internal JsonNode? Evaluate(InputValue value, ExpressionScope scope) => value.Kind switch
    {
        InputKind.Literal => value.Literal?.DeepClone(),
        InputKind.JavaScript => EvaluateJavaScript(value.Expression!, scope),
        InputKind.Variable => ReadVariable(value.Expression!, scope),
        InputKind.Template => RenderTemplate(value.Expression!, scope),
        _ => throw new ExpressionException($"unknown input kind {value.Kind}"),
    };

    internal JsonNode? EvaluateJavaScript(string script, ExpressionScope scope)
    {
        GuardedScript prepared;
        try
        {
            prepared = syntax.Prepare(script);
        }
        catch (ScriptPreparationException ex)
        {
            throw new ExpressionException($"JavaScript does not parse: {ex.InnerException?.Message ?? ex.Message}", ex);
        }

        try
        {
            // A fresh engine per evaluation: nothing leaks between instances, and limits apply per call.
            var sandbox = JavaScriptSandbox.Create(limits, prepared);
            var parser = new Jint.Native.Json.JsonParser(sandbox.Engine);
            foreach (var (name, node) in scope.Globals())
            {
                // Only globals the script names are converted, and of the instance's objects only the members it names
                // at once (ScopeObject): a step costs the same however much state the instance holds.
                if (script.Contains(name, StringComparison.Ordinal))
                {
                    sandbox.Engine.SetValue(name, node is JsonObject members ? ScopeObject.Create(sandbox.Engine, parser, members, script) : ScopeObject.Convert(parser, node));
                }
            }

            var result = sandbox.Evaluate(prepared);
            var json = result.IsUndefined() || result.IsNull() ? null : sandbox.ToJson(result);

            // Jint checks its limit before each statement: what the last one allocated is checked here, before it is kept.
            if (sandbox.Budget.Used > limits.MemoryBytes)
            {
                throw new MemoryLimitExceededException("the result was built beyond the budget");
            }

            return json is null ? null : JsonNode.Parse(json);
        }
        catch (Exception ex) when (SandboxFailure(ex) is { } message)
        {
            throw new ExpressionException(message, ex);
        }
    }

    /// <summary>
    /// What a failed evaluation tells the definition's author; null for what is not the script's doing (the host
    /// shutting down). Anything else the script made the engine throw fails the same way every time: it becomes an
    /// <see cref="ExpressionException"/> (an incident), never an exception the runtime would retry.
    /// </summary>
    private string? SandboxFailure(Exception ex) => ex switch
    {
        OperationCanceledException => null,
        TimeoutException or RegexMatchTimeoutException => $"JavaScript ran longer than {limits.Timeout.TotalMilliseconds} ms and was stopped",
        StatementsCountOverflowException => $"JavaScript ran more than {limits.MaxStatements} statements and was stopped",
        MemoryLimitExceededException limit => $"JavaScript used more than {limits.MemoryBytes} bytes and was stopped{Detail(limit)}",
        OutOfMemoryException => $"JavaScript used more than {limits.MemoryBytes} bytes and was stopped (the host ran out of memory)",
        RecursionDepthOverflowException or InsufficientExecutionStackException => $"JavaScript recursed deeper than {limits.MaxRecursion} calls and was stopped",
        JintException => $"JavaScript error: {ex.Message}",
        _ => $"JavaScript failed inside the engine ({ex.GetType().Name}: {ex.Message})",
    };

    /// <summary>What a guard or Jint said beyond the plain allocation count.</summary>
    private static string Detail(MemoryLimitExceededException limit) =>
        limit.Message.StartsWith("Script has allocated", StringComparison.Ordinal) ? "" : $": {limit.Message}";

    private static JsonNode? ReadVariable(string path, ExpressionScope scope)
    {
        var parts = path.Split('.');
        if (!scope.Variables.TryGetPropertyValue(parts[0], out var node))
        {
            throw new ExpressionException($"variable '{parts[0]}' is not defined");
        }

        foreach (var part in parts.Skip(1))
        {
            node = node is JsonObject obj && obj.TryGetPropertyValue(part, out var child) ? child : null;
        }

        return node?.DeepClone();
    }

    private string RenderTemplate(string text, ExpressionScope scope)
    {
        var template = Template.Parse(text);
        if (template.HasErrors)
        {
            throw new ExpressionException($"template does not parse: {string.Join("; ", template.Messages)}");
        }

        // As for JavaScript: only the globals the template names, and of the instance's objects the members it reads.
        var globals = TemplateGlobals.For(scope, text);

        using var sandbox = new TemplateSandbox(limits);
        sandbox.Context.PushGlobal(globals);
        try
        {
            var output = template.Render(sandbox.Context);
            return output.Length > limits.MaxTemplateOutput
                ? throw new ExpressionException($"template produced more than {limits.MaxTemplateOutput} characters")
                : output;
        }
        catch (Exception ex) when (ex is Scriban.Syntax.ScriptAbortException || (ex is OperationCanceledException && sandbox.TimedOut(CancellationToken.None)))
        {
            throw new ExpressionException($"template ran longer than {limits.TemplateTimeout.TotalMilliseconds} ms and was stopped", ex);
        }
        catch (Exception ex) when (ex is RegexMatchTimeoutException || ex.InnerException is RegexMatchTimeoutException)
        {
            // Scriban wraps what its regex functions throw.
            throw new ExpressionException($"template: a regular expression ran longer than {limits.Timeout.TotalMilliseconds} ms and was stopped", ex);
        }
        catch (Scriban.Syntax.ScriptRuntimeException ex)
        {
            throw new ExpressionException($"template error: {ex.OriginalMessage}", ex);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or ArgumentException or OverflowException or InsufficientExecutionStackException or OutOfMemoryException)
        {
            // Anything else a template trips over is still the definition's problem: an incident, not a burst that fails forever.
            throw new ExpressionException($"template error: {ex.Message}", ex);
        }
    }
}
