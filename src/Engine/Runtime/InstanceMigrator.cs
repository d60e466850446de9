using Sleek.Workflows.Engine.Activities.BuiltIn;

namespace Sleek.Workflows.Engine.Runtime;

/// <summary>
/// Decides whether an instance can move to another published version of its definition, and moves
/// its state. A move is safe when everything the instance is in the middle of still means the same
/// in the target: each waiting activity exists there with the same type, each variable it holds is
/// declared there, and each join, activity state, retry and activity due next it keeps names an activity of the same type.
/// Pure: it reads no database, so the store locks, checks and applies in one transaction.
/// </summary>
public static class InstanceMigrator
{
    /// <summary>Every problem that stops the move; empty when the instance can move.</summary>
    /// <param name="status">The instance's status: only Running and Suspended instances move.</param>
    /// <param name="state">Its state.</param>
    /// <param name="waits">Its waits: open bookmarks, and consumed ones whose resume is queued but has not run.</param>
    /// <param name="current">The version it runs.</param>
    /// <param name="target">The version it would move to.</param>
    public static IReadOnlyList<MigrationProblem> Check(WorkflowStatus status, InstanceState state, IEnumerable<OpenBookmark> waits, CompiledDefinition current, CompiledDefinition target)
    {
        var problems = new List<MigrationProblem>();
        var version = target.Definition.Version;
        if (current.Definition.DefinitionId != target.Definition.DefinitionId)
        {
            problems.Add(new("targetVersion", $"the instance runs '{current.Definition.DefinitionId}', not '{target.Definition.DefinitionId}'"));
        }
        else if (current.Definition.Version == version)
        {
            problems.Add(new("targetVersion", $"the instance already runs version {version}"));
        }

        if (status is not (WorkflowStatus.Running or WorkflowStatus.Suspended))
        {
            problems.Add(new("status", $"the instance is {status}; only Running and Suspended instances move"));
        }

        foreach (var wait in waits.GroupBy(w => w.ActivityId, StringComparer.Ordinal))
        {
            var names = string.Join(", ", wait.Select(w => w.Name).Distinct(StringComparer.Ordinal));
            AddIfMissingOrChanged(problems, $"waits.{wait.Key}", wait.Key, $"activity '{wait.Key}' waits ({names})", current, target);
        }

        var declared = target.Definition.Variables.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, _) in state.Variables.Where(v => !declared.Contains(v.Key)))
        {
            problems.Add(new($"variables.{name}", $"the instance holds variable '{name}' but version {version} does not declare it"));
        }

        foreach (var (joinId, arrived) in state.JoinArrivals.Where(j => j.Value.Count > 0))
        {
            var before = problems.Count;
            AddIfMissingOrChanged(problems, $"joins.{joinId}", joinId, $"join '{joinId}' has branches that arrived", current, target);
            if (problems.Count == before && target.Descriptor(joinId).ClrType == typeof(Join))
            {
                var incoming = target.IncomingKeys(joinId);
                foreach (var key in arrived.Where(k => !incoming.Contains(k)))
                {
                    problems.Add(new($"joins.{joinId}", $"the branch from '{key}' arrived at join '{joinId}', but in version {version} no connection from it leads there"));
                }
            }
        }

        foreach (var activityId in state.ActivityState.Where(a => a.Value is not null).Select(a => a.Key))
        {
            AddIfMissingOrChanged(problems, $"activityState.{activityId}", activityId, $"activity '{activityId}' keeps state (e.g. a loop position)", current, target);
        }

        foreach (var activityId in state.Pending.Distinct(StringComparer.Ordinal))
        {
            AddIfMissingOrChanged(problems, $"pending.{activityId}", activityId, $"activity '{activityId}' is due to run next (a long burst paused before it)", current, target);
        }

        foreach (var (activityId, retry) in state.Retries)
        {
            var what = retry.NextAttemptAt is null ? "failed" : "has a retry pending";
            AddIfMissingOrChanged(problems, $"retries.{activityId}", activityId, $"activity '{activityId}' {what}", current, target);
        }

        return problems;
    }

    /// <summary>
    /// Moves a state that passed <see cref="Check"/> to the target: variables the target declares and
    /// the instance lacks get their defaults. Returns their names.
    /// </summary>
    public static IReadOnlyList<string> Apply(InstanceState state, CompiledDefinition target)
    {
        var added = new List<string>();
        foreach (var variable in target.Definition.Variables.Where(v => !state.Variables.ContainsKey(v.Name)))
        {
            state.Variables[variable.Name] = variable.Default?.DeepClone();
            added.Add(variable.Name);
        }

        return added;
    }

    private static void AddIfMissingOrChanged(List<MigrationProblem> problems, string field, string activityId, string what, CompiledDefinition current, CompiledDefinition target)
    {
        var version = target.Definition.Version;
        if (!target.HasNode(activityId))
        {
            problems.Add(new(field, $"{what}, but version {version} has no activity '{activityId}'"));
            return;
        }

        var before = current.HasNode(activityId) ? current.Node(activityId).Type : null;
        var after = target.Node(activityId).Type;
        if (before is not null && before != after)
        {
            problems.Add(new(field, $"{what} as a {before}, but in version {version} '{activityId}' is a {after}"));
        }
    }
}
