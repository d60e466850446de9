using Sleek.Workflows.Engine.Runtime;

namespace Sleek.Workflows.Engine.Persistence;

/// <summary>
/// A named wait of an instance. It is never deleted when consumed: <see cref="ConsumedAt"/> is set
/// once, by a conditional update, which is what makes a resume exactly-once and lets a repeat get 409.
/// </summary>
public sealed class BookmarkRecord
{
    /// <summary>Bookmark id.</summary>
    public Guid Id { get; set; }

    /// <summary>The waiting instance.</summary>
    public Guid InstanceId { get; set; }

    /// <summary>The waiting activity.</summary>
    public string ActivityId { get; set; } = "";

    /// <summary>Which execution of it is waiting.</summary>
    public int ExecutionNumber { get; set; }

    /// <summary>Event name, Timer or HumanTask.</summary>
    public string Name { get; set; } = "";

    /// <summary>Key events must carry to resume it.</summary>
    public string? CorrelationKey { get; set; }

    /// <summary>Opaque unguessable token (256 random bits, base64url) that resumes it.</summary>
    public string Token { get; set; } = "";

    /// <summary>For timers: when it fires (UTC).</summary>
    public DateTime? DueAt { get; set; }

    /// <summary>Data the activity stored (JSON object).</summary>
    public string DataJson { get; set; } = "{}";

    /// <summary>Created (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When it was resumed or cancelled; null while open.</summary>
    public DateTime? ConsumedAt { get; set; }

    /// <summary>Resumed or Cancelled; null while open.</summary>
    public BookmarkOutcome? Outcome { get; set; }
}
