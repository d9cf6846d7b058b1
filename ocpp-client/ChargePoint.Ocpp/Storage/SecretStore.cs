using System.Text.Json;

namespace ChargePoint.Ocpp.Storage;

/// <summary>
/// The station's secrets (SecurityCtrlr.BasicAuthPassword and other WriteOnly values, keys) in their own file on the
/// storage path, readable and writable by the owner only (mode 0600), apart from the database that diagnostics and
/// backups read. Written whole to a temporary file created 0600, flushed to disk and renamed over the old one, so a
/// crash leaves either the old or the new file. Values are never logged.
/// </summary>
public sealed class SecretStore
{
    public const string FileName = "chargepoint-secrets.json";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _values;

    public SecretStore(string storageDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(storageDirectory);
        Directory.CreateDirectory(storageDirectory);
        FilePath = Path.Combine(storageDirectory, FileName);
        _values = File.Exists(FilePath) ? Read(FilePath) : new Dictionary<string, string>(StringComparer.Ordinal);
    }

    public string FilePath { get; }

    public IReadOnlyDictionary<string, string> All()
    {
        lock (_gate)
        {
            return new Dictionary<string, string>(_values, StringComparer.Ordinal);
        }
    }

    public bool TryGet(string key, out string value)
    {
        lock (_gate)
        {
            return _values.TryGetValue(key, out value!);
        }
    }

    public void Set(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        lock (_gate)
        {
            var had = _values.TryGetValue(key, out var previous);
            _values[key] = value;
            try
            {
                Write();
            }
            catch
            {
                // The file keeps the old value, so memory must too.
                Restore(key, had, previous);
                throw;
            }
        }
    }

    /// <summary>Forgets a value; false when there was none.</summary>
    public bool Remove(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_gate)
        {
            if (!_values.Remove(key, out var previous))
            {
                return false;
            }

            try
            {
                Write();
            }
            catch
            {
                Restore(key, true, previous);
                throw;
            }

            return true;
        }
    }

    private void Restore(string key, bool had, string? previous)
    {
        if (had)
        {
            _values[key] = previous!;
        }
        else
        {
            _values.Remove(key);
        }
    }

    private static Dictionary<string, string> Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? string.Empty, StringComparer.Ordinal);
    }

    private void Write()
    {
        var temporary = FilePath + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Options = FileOptions.WriteThrough };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, options))
        {
            if (!OperatingSystem.IsWindows())
            {
                // A leftover temporary file keeps its old mode on FileMode.Create: enforce 0600 every time.
                File.SetUnixFileMode(stream.SafeFileHandle, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            using (var writer = new Utf8JsonWriter(stream))
            {
                writer.WriteStartObject();
                foreach (var (key, value) in _values.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WriteString(key, value);
                }

                writer.WriteEndObject();
            }

            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, FilePath, overwrite: true);
    }
}
