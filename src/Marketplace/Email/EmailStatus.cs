using System.Text.Json.Serialization;

namespace Sleek.Workflows.Marketplace.Email;

/// <summary>An outbox row's state.</summary>
public enum EmailStatus
{
    /// <summary>pending.</summary>
    [JsonStringEnumMemberName("pending")] Pending,

    /// <summary>sent.</summary>
    [JsonStringEnumMemberName("sent")] Sent,

    /// <summary>failed.</summary>
    [JsonStringEnumMemberName("failed")] Failed,
}
