using System.Text.Json.Nodes;

namespace Sleek.Workflows.Engine.Definitions;

/// <summary>
/// Finds WaitAll joins that can never fire: two of their incoming branches start at different ports of
/// one activity that takes only one port per run (a Decision's True and False, a task's Approve and
/// Reject). Such a join waits forever for the branch not taken, and the instance ends without passing it.
/// The check follows each branch back only along plain chains (activities with a single incoming
/// connection), so it never flags a join it cannot prove wrong (loops and merges are left alone).
/// </summary>
internal static class ExclusiveJoinCheck
{
    public static IEnumerable<ValidationError> Check(WorkflowDefinition definition)
    {
        var activities = definition.Root.Activities;
        var connections = definition.Root.Connections;
        var incoming = connections.GroupBy(c => c.Target.Activity, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var byId = activities.GroupBy(a => a.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        for (var i = 0; i < activities.Count; i++)
        {
            var join = activities[i];
            if (join.Type != "Join" || !IsWaitAll(join) || !incoming.TryGetValue(join.Id, out var branches))
            {
                continue;
            }

            var origins = branches.Select(c => Origin(c, incoming, byId)).ToList();
            var clash = origins
                .SelectMany((a, x) => origins.Skip(x + 1).Select(b => (a, b)))
                .FirstOrDefault(pair => pair.a.Activity == pair.b.Activity && pair.a.Port != pair.b.Port
                    && byId.TryGetValue(pair.a.Activity, out var split) && TakesOnePort(split));
            if (clash.a.Activity is not null)
            {
                var split = byId[clash.a.Activity];
                yield return new ValidationError(
                    $"root.activities[{i}].inputs.mode",
                    join.Id,
                    $"this WaitAll join can never fire: its branches from port '{clash.a.Port}' and port '{clash.b.Port}' of '{split.Id}' ({split.Type}) " +
                    "never both run; use mode WaitAny to continue with whichever came, or connect the branches straight to the next activity");
            }
        }
    }

    /// <summary>Walks back from a connection along single-input activities to where its branch split off.</summary>
    private static (string Activity, string Port) Origin(Connection connection, Dictionary<string, List<Connection>> incoming, Dictionary<string, ActivityNode> byId)
    {
        var current = connection;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (seen.Add(current.Source.Activity)
            && byId.TryGetValue(current.Source.Activity, out var source)
            && !SplitsHere(source, current, incoming)
            && incoming.TryGetValue(source.Id, out var into) && into.Count == 1)
        {
            current = into[0];
        }

        return (current.Source.Activity, current.Source.Port ?? "Done");
    }

    // A branch splits off at an activity whose other ports are connected too.
    private static bool SplitsHere(ActivityNode source, Connection via, Dictionary<string, List<Connection>> incoming) =>
        incoming.Values.SelectMany(c => c).Any(c => c.Source.Activity == source.Id && (c.Source.Port ?? "Done") != (via.Source.Port ?? "Done"));

    private static bool IsWaitAll(ActivityNode join) =>
        !join.Inputs.TryGetValue("mode", out var mode) || mode is null || (mode is JsonValue v && v.TryGetValue<string>(out var s) && s == "WaitAll");

    // Fork runs every port; a Switch with matchAll may run several. Everything else continues through one port per run.
    private static bool TakesOnePort(ActivityNode activity) =>
        activity.Type switch
        {
            "Fork" => false,
            "Switch" => !activity.Inputs.TryGetValue("matchAll", out var all) || all is null || (all is JsonValue v && v.TryGetValue<bool>(out var every) && !every),
            _ => true,
        };
}
