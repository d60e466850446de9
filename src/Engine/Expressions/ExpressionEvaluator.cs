using System.Text.Json;
using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Runtime;
using Scriban;
using Scriban.Runtime;
using Sleek.Workflows.Engine.Definitions;

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
        Prepared<Acornima.Ast.Script> prepared;
        try
        {
            prepared = syntax.Prepare(script);
        }
        catch (ScriptPreparationException ex)
        {
            throw new ExpressionException($"JavaScript does not parse: {ex.InnerException?.Message ?? ex.Message}", ex);
        }

        // A fresh engine per evaluation: nothing leaks between instances, and limits apply per call.
        var engine = new Jint.Engine(o => o
            .TimeoutInterval(limits.Timeout)
            .RegexTimeoutInterval(limits.Timeout)
            .MaxStatements(limits.MaxStatements)
            .LimitMemory(limits.MemoryBytes)
            .LimitRecursion(limits.MaxRecursion)
            .Strict());
        try
        {
            var parser = new Jint.Native.Json.JsonParser(engine);
            foreach (var (name, node) in scope.Globals())
            {
                // Only globals the script names are converted: a flow with many outputs stays cheap.
                if (script.Contains(name, StringComparison.Ordinal))
                {
                    engine.SetValue(name, node is null ? JsValue.Null : parser.Parse(node.ToJsonString()));
                }
            }

            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var result = engine.Evaluate(prepared);

            // Jint checks its limits before each statement, so what the last statement allocates (all of a
            // one-line expression such as 'x'.repeat(1e8)) goes unchecked: check it before copying the result out.
            if (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore > limits.MemoryBytes)
            {
                throw new ExpressionException($"JavaScript used more than {limits.MemoryBytes} bytes and was stopped");
            }

            return ToJson(engine, result);
        }
        catch (TimeoutException ex)
        {
            throw new ExpressionException($"JavaScript ran longer than {limits.Timeout.TotalMilliseconds} ms and was stopped", ex);
        }
        catch (StatementsCountOverflowException ex)
        {
            throw new ExpressionException($"JavaScript ran more than {limits.MaxStatements} statements and was stopped", ex);
        }
        catch (MemoryLimitExceededException ex)
        {
            throw new ExpressionException($"JavaScript used more than {limits.MemoryBytes} bytes and was stopped", ex);
        }
        catch (RecursionDepthOverflowException ex)
        {
            throw new ExpressionException($"JavaScript recursed deeper than {limits.MaxRecursion} calls and was stopped", ex);
        }
        catch (JavaScriptException ex)
        {
            throw new ExpressionException($"JavaScript error: {ex.Message}", ex);
        }
        catch (JintException ex)
        {
            throw new ExpressionException($"JavaScript error: {ex.Message}", ex);
        }
    }

    private static JsonNode? ToJson(Jint.Engine engine, JsValue value)
    {
        if (value.IsUndefined() || value.IsNull())
        {
            return null;
        }

        var json = new Jint.Native.Json.JsonSerializer(engine).Serialize(value);
        return json.IsString() ? JsonNode.Parse(json.AsString()) : null;
    }

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

        var globals = new ScriptObject();
        foreach (var (name, node) in scope.Globals())
        {
            globals[name] = ToScriban(node);
        }

        var context = new TemplateContext
        {
            LoopLimit = 1000,
            RecursiveLimit = limits.MaxRecursion,
            LimitToString = limits.MaxTemplateOutput,
            MemberRenamer = m => m.Name,
        };
        context.PushGlobal(globals);
        try
        {
            var output = template.Render(context);
            return output.Length > limits.MaxTemplateOutput
                ? throw new ExpressionException($"template produced more than {limits.MaxTemplateOutput} characters")
                : output;
        }
        catch (Scriban.Syntax.ScriptRuntimeException ex)
        {
            throw new ExpressionException($"template error: {ex.OriginalMessage}", ex);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or ArgumentException or OverflowException)
        {
            // Anything else a template trips over is still the definition's problem: an incident, not a burst that fails forever.
            throw new ExpressionException($"template error: {ex.Message}", ex);
        }
    }

    private static object? ToScriban(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => ToScriptObject(obj),
        JsonArray array => new ScriptArray(array.Select(ToScriban)),
        JsonValue value => value.GetValueKind() switch
        {
            // Through the JSON text: the value may wrap a CLR type (Guid, decimal, DateTime) that GetValue<string> refuses.
            System.Text.Json.JsonValueKind.String => JsonSerializer.Deserialize<string>(value.ToJsonString()),
            System.Text.Json.JsonValueKind.Number => long.TryParse(value.ToJsonString(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var l)
                ? l
                : double.Parse(value.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture),
            System.Text.Json.JsonValueKind.True => true,
            System.Text.Json.JsonValueKind.False => false,
            _ => null,
        },
        _ => null,
    };

    private static ScriptObject ToScriptObject(JsonObject obj)
    {
        var result = new ScriptObject();
        foreach (var (key, child) in obj)
        {
            result[key] = ToScriban(child);
        }

        return result;
    }
}
