namespace ChargePoint.TestUtilities;

/// <summary>Finds files of the repository from a test's output folder.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootLazy = new(FindRoot);

    /// <summary>The folder that holds <c>ChargePoint.sln</c>.</summary>
    public static string Root => RootLazy.Value;

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChargePoint.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"ChargePoint.sln not found above {AppContext.BaseDirectory}");
    }
}
