using System.Runtime.CompilerServices;
using System.Text;
using Acornima.Ast;
using Jint;

namespace Sleek.Workflows.Engine.Expressions.JavaScript;

/// <summary>
/// A prepared script whose language-level string builders go through the sandbox's budget too. Jint checks its
/// memory limit between statements, but two constructs build big values inside one: a template literal
/// (<c>`${s}${s}…`</c> is one allocation of their total length) and an object spread of a string
/// (<c>{...s}</c> makes one property per character). So the source is rewritten before it is prepared: every
/// untagged template gets a tag that builds the same text after reserving its length
/// (<c>`a${b}`</c> → <c>__sleek_t0`a${b}`</c>), and every spread in an object literal passes its value through a
/// check first (<c>{...x}</c> → <c>{...__sleek_s0(x)}</c>). The names are chosen so the script cannot mention them;
/// the sandbox defines them read-only. BigInt literals are refused: parsing a long digit string into a BigInt
/// takes time quadratic in its length, in one step no limit interrupts.
/// </summary>
internal sealed class GuardedScript
{
    private GuardedScript(Prepared<Script> prepared, string? templateTag, string? spreadGuard)
    {
        Prepared = prepared;
        TemplateTag = templateTag;
        SpreadGuard = spreadGuard;
    }

    /// <summary>The script as it runs.</summary>
    public Prepared<Script> Prepared { get; }

    /// <summary>The global the rewritten templates call, or null when the script has none.</summary>
    public string? TemplateTag { get; }

    /// <summary>The global the rewritten object spreads call, or null when the script has none.</summary>
    public string? SpreadGuard { get; }

    /// <summary>Prepares <paramref name="script"/> and, when it needs it, its rewritten form.</summary>
    /// <exception cref="ScriptPreparationException">The script does not parse or uses what the sandbox refuses.</exception>
    public static GuardedScript Prepare(string script, int maxLength)
    {
        if (script.Length > maxLength)
        {
            throw new ScriptPreparationException($"the script is {script.Length} characters long; at most {maxLength} are allowed", null);
        }

        var prepared = Jint.Engine.PrepareScript(script, strict: true);
        var found = new Finder();
        try
        {
            found.Walk(prepared.Program!, null);
        }
        catch (InsufficientExecutionStackException ex)
        {
            throw new ScriptPreparationException($"the script is nested too deeply ({ex.GetType().Name})", null);
        }

        if (found.BigInt is { } bigInt)
        {
            throw new ScriptPreparationException($"BigInt literals ({bigInt}) are not supported in expressions", null);
        }

        if (found.Inserts.Count == 0)
        {
            return new GuardedScript(prepared, null, null);
        }

        var templateTag = found.Templates ? FreeName(script, "__sleek_t") : null;
        var spreadGuard = found.Spreads ? FreeName(script, "__sleek_s") : null;
        var rewritten = new StringBuilder(script);
        foreach (var (position, kind) in found.Inserts.OrderByDescending(i => i.Position).ThenByDescending(i => i.Kind))
        {
            rewritten.Insert(position, kind switch
            {
                InsertKind.Template => " " + templateTag,
                InsertKind.SpreadOpen => " " + spreadGuard + "(",
                _ => ")",
            });
        }

        return new GuardedScript(Jint.Engine.PrepareScript(rewritten.ToString(), strict: true), templateTag, spreadGuard);
    }

    /// <summary>A name that does not occur in the script, so the script can neither shadow nor call it by name.</summary>
    private static string FreeName(string script, string stem)
    {
        for (var i = 0; ; i++)
        {
            var name = stem + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!script.Contains(name, StringComparison.Ordinal))
            {
                return name;
            }
        }
    }

    /// <summary>
    /// What goes where. Text inserted later at the same position lands in front, so inserts at one position go in
    /// descending order of kind and read in ascending order: a closing parenthesis, an opening one, a tag
    /// (<c>{...`x`}</c> → <c>{... G( T`x`)}</c>).
    /// </summary>
    private enum InsertKind
    {
        SpreadClose,
        SpreadOpen,
        Template,
    }

    private sealed class Finder
    {
        public List<(int Position, InsertKind Kind)> Inserts { get; } = [];

        public bool Templates { get; private set; }

        public bool Spreads { get; private set; }

        public string? BigInt { get; private set; }

        public void Walk(Node node, Node? parent)
        {
            RuntimeHelpers.EnsureSufficientExecutionStack();
            switch (node)
            {
                case TemplateLiteral when parent is not TaggedTemplateExpression:
                    Inserts.Add((node.Start, InsertKind.Template));
                    Templates = true;
                    break;
                case SpreadElement spread when parent is ObjectExpression:
                    Inserts.Add((spread.Argument.Start, InsertKind.SpreadOpen));
                    Inserts.Add((spread.Argument.End, InsertKind.SpreadClose));
                    Spreads = true;
                    break;
                case BigIntLiteral literal:
                    BigInt ??= literal.Raw;
                    break;
            }

            foreach (var child in node.ChildNodes)
            {
                Walk(child, node);
            }
        }
    }
}
