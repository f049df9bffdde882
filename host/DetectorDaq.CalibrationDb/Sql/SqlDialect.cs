using System.Data.Common;

namespace DetectorDaq.CalibrationDb.Sql;

/// <summary>
/// What differs between the databases the store runs on; everything else (tables, queries, array
/// encoding) is shared SQL in <see cref="CalibrationSchema"/> and <see cref="AdoCalibrationStore"/>.
/// </summary>
internal abstract class SqlDialect : IDisposable
{
    /// <summary>Column definition of an auto-incrementing 64-bit primary key.</summary>
    public abstract string IdentityColumn { get; }

    /// <summary>Column type of a byte array.</summary>
    public abstract string BlobType { get; }

    /// <summary>Where the database lives, for messages (never with a password).</summary>
    public abstract string Location { get; }

    /// <summary>An open connection, set up for this store (timeouts, pragmas).</summary>
    public abstract DbConnection Open();

    /// <summary>
    /// Statements run inside the schema transaction before the schema is inspected, so that two
    /// processes creating the schema at once do not both create it.
    /// </summary>
    public abstract IEnumerable<string> SchemaLockStatements { get; }

    /// <summary>Statements that make the database refuse UPDATE and DELETE on <paramref name="table"/>.</summary>
    public abstract IEnumerable<string> ImmutabilityStatements(string table);

    /// <inheritdoc/>
    public virtual void Dispose()
    {
    }
}
