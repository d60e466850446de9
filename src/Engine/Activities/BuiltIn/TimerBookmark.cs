using System.Text.Json.Nodes;

namespace Sleek.Workflows.Engine.Activities.BuiltIn;

/// <summary>The bookmark shape of timer activities.</summary>
public static class TimerBookmark
{
    /// <summary>Bookmark name of every timer.</summary>
    public const string Name = "Timer";

    internal static JsonObject Data(DateTime dueAt) => new() { ["dueAt"] = dueAt.ToString("O") };
}
