namespace Sleek.Workflows.Engine.Runtime;

/// <summary>
/// What a journal row records about one activity execution; stored as snake_case text by
/// <see cref="Persistence.SnakeCaseEnumConverter{TEnum}"/>, shown by its name in the API (<c>"Executed"</c>).
/// </summary>
public enum JournalEvent
{
    /// <summary>The activity ran and took its ports.</summary>
    Executed,

    /// <summary>The activity created a bookmark and waits.</summary>
    Waiting,

    /// <summary>A waiting activity was resumed and took its ports.</summary>
    Resumed,

    /// <summary>The activity failed (a retry may follow, or an incident).</summary>
    Faulted,

    /// <summary>A wait or a scheduled retry was dropped (another branch won, the instance was cancelled).</summary>
    Cancelled,

    /// <summary>The instance moved to another definition version here.</summary>
    Migrated,
}
