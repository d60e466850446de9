using Microsoft.Data.Sqlite;

namespace Sleek.Workflows.Engine.Persistence.Sqlite;

/// <summary>Microsoft.Data.Sqlite's exceptions sorted for <see cref="DatabaseErrors"/>.</summary>
internal static class SqliteErrors
{
    // https://www.sqlite.org/rescode.html
    private const int Busy = 5;
    private const int Locked = 6;
    private const int IoError = 10;
    private const int Full = 13;
    private const int CantOpen = 14;
    private const int Constraint = 19;
    private const int ConstraintPrimaryKey = 1555;
    private const int ConstraintUnique = 2067;

    /// <summary>The file is busy (another process), unreadable, unwritable or its disk full.</summary>
    public static bool IsUnavailable(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: Busy or Locked or IoError or Full or CantOpen };

    /// <summary>A UNIQUE or PRIMARY KEY constraint refused the row.</summary>
    public static bool IsUniqueViolation(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: Constraint, SqliteExtendedErrorCode: ConstraintUnique or ConstraintPrimaryKey };
}
