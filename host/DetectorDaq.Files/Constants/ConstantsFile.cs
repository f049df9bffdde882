using DetectorDaq.Calibration.Constants;
using PureHDF;
using PureHDF.VOL.Native;

namespace DetectorDaq.Files.Constants;

/// <summary>
/// One module's <see cref="CalibrationConstants"/> as an HDF5 file, the one layout that
/// <c>detdaq cal export</c> writes and <c>cal import</c>, <c>calibrate apply --constants FILE.h5</c> and
/// <c>acquire --constants</c> read: group <c>/calibration_constants</c> with the metadata and conditions as
/// attributes and one dataset per array shaped [sides, rows, columns] (layout and attribute list in
/// host/DetectorDaq.CalibrationDb/README.md). Readable by h5py and h5dump.
/// </summary>
public static class ConstantsFile
{
    /// <summary>Group holding the constants.</summary>
    public const string Group = "calibration_constants";

    /// <summary>Layout version written in the <c>format_version</c> attribute and the only one read.</summary>
    public const int FormatVersion = 1;

    // Group of an earlier per-file layout of the calibration chain, named in the message that rejects it.
    private const string EarlierGroup = "constants";

    /// <summary>
    /// Writes <paramref name="constants"/> to <paramref name="path"/>, replacing the file only once the new
    /// one is complete, so a failed write leaves what was there.
    /// </summary>
    /// <param name="path">File to write.</param>
    /// <param name="constants">The constants.</param>
    /// <param name="origin">The database version they come from, recorded as <c>version_id</c> and <c>created_at</c>; null when they come from no database.</param>
    /// <exception cref="ArgumentException">The constants are inconsistent.</exception>
    /// <exception cref="ConstantsFileException">The file cannot be written.</exception>
    public static void Write(string path, CalibrationConstants constants, ConstantsOrigin? origin = null)
    {
        ArgumentNullException.ThrowIfNull(constants);
        constants.Validate();
        var group = ConstantsLayout.ToGroup(constants, origin);
        var partial = path + ".partial";
        try
        {
            new H5File { [Group] = group }.Write(partial);
            File.Move(partial, path, overwrite: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(partial))
            {
                File.Delete(partial);
            }

            throw new ConstantsFileException(path, $"cannot write constants ({exception.Message})", exception);
        }
    }

    /// <summary>Reads the constants of <paramref name="path"/>.</summary>
    /// <exception cref="ConstantsFileException">Missing, not HDF5, without <c>/calibration_constants</c>, of another format version, with a missing, mistyped or misshaped member, or inconsistent.</exception>
    public static CalibrationConstants Read(string path) => Read(path, out _);

    /// <summary>Reads the constants of <paramref name="path"/> and the database version they were exported from.</summary>
    /// <param name="path">File to read.</param>
    /// <param name="origin">The database version, or null when the file records none.</param>
    /// <exception cref="ConstantsFileException">As <see cref="Read(string)"/>.</exception>
    public static CalibrationConstants Read(string path, out ConstantsOrigin? origin)
    {
        if (!File.Exists(path))
        {
            throw new ConstantsFileException(path, "file not found");
        }

        NativeFile file;
        try
        {
            file = H5File.OpenRead(path);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            throw new ConstantsFileException(path, $"not a readable HDF5 file ({exception.Message})", exception);
        }

        using (file)
        {
            if (!file.LinkExists(Group))
            {
                var earlier = file.LinkExists(EarlierGroup) ? $" (/{EarlierGroup} is an earlier layout, no longer read: write the constants again or export them from the database)" : string.Empty;
                throw new ConstantsFileException(path, $"no /{Group} group: not a calibration constants file{earlier}");
            }

            try
            {
                return ConstantsLayout.FromGroup(file.Group(Group), out origin);
            }
            catch (ConstantsLayoutException exception)
            {
                throw new ConstantsFileException(path, $"/{Group}: {exception.Message}", exception);
            }
            catch (ArgumentException exception)
            {
                throw new ConstantsFileException(path, exception.Message, exception);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // PureHDF reports damaged files with many exception types; all mean the same to the caller.
                throw new ConstantsFileException(path, $"/{Group} is unreadable ({exception.Message})", exception);
            }
        }
    }
}
