using System.Buffers.Binary;
using System.IO.Compression;
using NJsonSchema;

namespace FootDrop.TeamsApp.Tests;

/// <summary>The sideloadable Teams package: a manifest valid against the Teams schema, and the two icons.</summary>
public sealed class TeamsPackageTests
{
    private const string AppId = "5a0c7f1e-3a55-4d4b-9a57-0c3c2f0b7d11";

    [Fact]
    public async Task The_manifest_is_valid_against_the_teams_schema_of_its_version()
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "schema", "MicrosoftTeams.schema.json"));

        var errors = schema.Validate(TeamsPackage.Manifest(AppId));

        Assert.Empty(errors.Select(e => e.ToString()));
    }

    [Fact]
    public async Task The_schema_check_rejects_a_manifest_with_a_field_teams_does_not_know()
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "schema", "MicrosoftTeams.schema.json"));
        var broken = TeamsPackage.Manifest(AppId).Replace("\"accentColor\"", "\"accentColour\"", StringComparison.Ordinal);

        Assert.NotEmpty(schema.Validate(broken));
    }

    [Fact]
    public void The_app_id_is_filled_in_as_the_bot_and_the_app()
    {
        var manifest = System.Text.Json.JsonDocument.Parse(TeamsPackage.Manifest(AppId)).RootElement;

        Assert.Equal(AppId, manifest.GetProperty("id").GetString());
        Assert.Equal(AppId, manifest.GetProperty("bots")[0].GetProperty("botId").GetString());
        Assert.Equal(["personal"], manifest.GetProperty("bots")[0].GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-guid")]
    public void A_missing_or_malformed_app_id_is_refused_with_a_clear_message(string appId)
    {
        var error = Assert.Throws<ArgumentException>(() => TeamsPackage.Manifest(appId));

        Assert.Contains("MicrosoftAppId", error.Message);
    }

    [Fact]
    public void The_zip_holds_exactly_the_manifest_and_two_icons_at_its_root()
    {
        var zipPath = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "FootDrop.Bot.zip");

        TeamsPackage.Build(AppId, zipPath);

        using var zip = ZipFile.OpenRead(zipPath);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order());
    }

    [Theory]
    [InlineData("color.png", 192)]
    [InlineData("outline.png", 32)]
    public void The_icons_have_the_sizes_teams_requires(string file, int size)
    {
        var (width, height, _) = ReadPng(Path.Combine(AppContext.BaseDirectory, "AppPackage", file));

        Assert.Equal((size, size), (width, height));
    }

    [Fact]
    public void The_outline_icon_is_white_on_transparent()
    {
        var (_, _, pixels) = ReadPng(Path.Combine(AppContext.BaseDirectory, "AppPackage", "outline.png"));

        Assert.All(pixels, p => Assert.True(p.A == 0 || (p.R == 255 && p.G == 255 && p.B == 255), $"pixel {p}"));
        Assert.Contains(pixels, p => p.A == 255);
        Assert.Contains(pixels, p => p.A == 0);
    }

    /// <summary>Reads an 8-bit RGBA PNG without filters other than "none", as the icon generator writes them.</summary>
    private static (int Width, int Height, List<(byte R, byte G, byte B, byte A)> Pixels) ReadPng(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var width = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16));
        var height = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20));
        Assert.Equal(6, bytes[25]);
        var idat = new MemoryStream();
        for (var offset = 8; offset < bytes.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(offset));
            var type = System.Text.Encoding.ASCII.GetString(bytes, offset + 4, 4);
            if (type == "IDAT")
            {
                idat.Write(bytes, offset + 8, length);
            }

            offset += 12 + length;
        }

        idat.Position = 0;
        using var inflated = new ZLibStream(idat, CompressionMode.Decompress);
        var raw = new MemoryStream();
        inflated.CopyTo(raw);
        var data = raw.ToArray();
        var pixels = new List<(byte, byte, byte, byte)>();
        for (var y = 0; y < height; y++)
        {
            var row = y * ((width * 4) + 1);
            Assert.Equal(0, data[row]);
            for (var x = 0; x < width; x++)
            {
                var p = row + 1 + (x * 4);
                pixels.Add((data[p], data[p + 1], data[p + 2], data[p + 3]));
            }
        }

        return (width, height, pixels);
    }
}
