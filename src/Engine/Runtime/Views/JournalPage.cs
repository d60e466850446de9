namespace Sleek.Workflows.Engine.Runtime.Views;

/// <summary>One page of an instance's journal, oldest first.</summary>
/// <param name="Items">The rows.</param>
/// <param name="Next">Pass as <c>after</c> for the next page; null when this is the last one.</param>
public sealed record JournalPage(IReadOnlyList<JournalView> Items, long? Next);
