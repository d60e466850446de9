using System.Text.Json.Nodes;
using Sleek.Workflows.Engine.Persistence;

namespace Sleek.Workflows.Engine.Runtime;

/// <summary>A bookmark the instance is waiting on, as the interpreter sees it.</summary>
/// <param name="Id">Bookmark id.</param>
/// <param name="ActivityId">The waiting activity.</param>
/// <param name="ExecutionNumber">Which execution of that activity created it.</param>
/// <param name="Name">Event name, Timer or HumanTask.</param>
/// <param name="Data">Data the activity stored on it.</param>
public sealed record OpenBookmark(Guid Id, string ActivityId, int ExecutionNumber, string Name, JsonObject Data)
{
    /// <summary>The interpreter's view of a stored bookmark.</summary>
    internal static OpenBookmark Of(BookmarkRecord bookmark) =>
        new(bookmark.Id, bookmark.ActivityId, bookmark.ExecutionNumber, bookmark.Name, DataOf(bookmark));

    /// <summary>A bookmark's data as an object (empty when not one).</summary>
    internal static JsonObject DataOf(BookmarkRecord bookmark) => JsonNode.Parse(bookmark.DataJson) as JsonObject ?? [];
}
