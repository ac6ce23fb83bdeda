// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System;
using System.IO;
using System.Text;
using System.Text.Json;
using LiveAvatarGen.Runtime.Errors;
using LiveAvatarGen.Runtime.Json;
using Xunit;

namespace LiveAvatarGen.Tests.Runtime;

/// <summary>The runtime's readers and writers of values that may be JSON null, which generated members and items call.</summary>
public sealed class NullableReadWriteTests
{
    private delegate T ReadFunc<T>(ref Utf8JsonReader reader);

    private static T Read<T>(string json, ReadFunc<T> read)
    {
        Utf8JsonReader reader = new(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return read(ref reader);
    }

    private static string Write<T>(T value, Action<Utf8JsonWriter, T> write)
    {
        using MemoryStream stream = new();
        using (Utf8JsonWriter writer = new(stream))
        {
            write(writer, value);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void NullIsNullAndAValueIsReadByThePrimitivesReader()
    {
        Assert.Null(Read("null", JsonRead.StringOrNull));
        Assert.Equal("a", Read("\"a\"", JsonRead.StringOrNull));
        Assert.Null(Read("null", JsonRead.BooleanOrNull));
        Assert.True(Read("true", JsonRead.BooleanOrNull));
        Assert.Equal(7, Read("7", JsonRead.Int32OrNull));
        Assert.Equal(8_000_000_000L, Read("8000000000", JsonRead.Int64OrNull));
        Assert.Equal(1.5f, Read("1.5", JsonRead.SingleOrNull));
        Assert.Equal(2.5, Read("2.5", JsonRead.DoubleOrNull));
        Assert.Equal(0.1m, Read("0.1", JsonRead.DecimalOrNull));
        Assert.Equal(Guid.Parse("3fa85f64-5717-4562-b3fc-2c963f66afa6"), Read("\"3fa85f64-5717-4562-b3fc-2c963f66afa6\"", JsonRead.GuidOrNull));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero), Read("\"2026-11-30T12:00:00Z\"", JsonRead.DateTimeOffsetOrNull));
        Assert.Equal(new DateOnly(2026, 11, 30), Read("\"2026-11-30\"", JsonRead.DateOrNull));
        Assert.Equal(new byte[] { 1, 2 }, Read("\"AQI=\"", JsonRead.BytesOrNull));
        Assert.Null(Read("null", JsonRead.ElementOrNull));
        Assert.Equal(JsonValueKind.Object, Read("{}", JsonRead.ElementOrNull)!.Value.ValueKind);
    }

    [Fact]
    public void AnotherTokenIsStillAFormatError()
    {
        Assert.Throws<ApiResponseFormatException>(() => Read("1", JsonRead.StringOrNull));
        Assert.Throws<ApiResponseFormatException>(() => Read("\"x\"", JsonRead.Int64OrNull));
        Assert.Throws<ApiResponseFormatException>(() => Read("\"2026-13-40\"", JsonRead.DateOrNull));
    }

    [Fact]
    public void NullIsWrittenAsJsonNullAndAValueByThePrimitivesWriter()
    {
        Assert.Equal("null", Write<string?>(null, JsonWrite.StringOrNull));
        Assert.Equal("\"a\"", Write<string?>("a", JsonWrite.StringOrNull));
        Assert.Equal("null", Write<bool?>(null, JsonWrite.BooleanOrNull));
        Assert.Equal("false", Write<bool?>(false, JsonWrite.BooleanOrNull));
        Assert.Equal("7", Write<int?>(7, JsonWrite.Int32OrNull));
        Assert.Equal("null", Write<long?>(null, JsonWrite.Int64OrNull));
        Assert.Equal("1.5", Write<float?>(1.5f, JsonWrite.SingleOrNull));
        Assert.Equal("2.5", Write<double?>(2.5, JsonWrite.DoubleOrNull));
        Assert.Equal("0.1", Write<decimal?>(0.1m, JsonWrite.DecimalOrNull));
        Assert.Equal("\"3fa85f64-5717-4562-b3fc-2c963f66afa6\"", Write<Guid?>(Guid.Parse("3fa85f64-5717-4562-b3fc-2c963f66afa6"), JsonWrite.GuidOrNull));
        Assert.Equal("\"2026-11-30T12:00:00+00:00\"", Write<DateTimeOffset?>(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero), JsonWrite.DateTimeOffsetOrNull));
        Assert.Equal("\"AQI=\"", Write<byte[]?>(new byte[] { 1, 2 }, JsonWrite.BytesOrNull));
        Assert.Equal("null", Write<byte[]?>(null, JsonWrite.BytesOrNull));
        Assert.Equal("{}", Write<JsonElement?>(JsonDocument.Parse("{}").RootElement, JsonWrite.ElementOrNull));
        Assert.Equal("null", Write<JsonElement?>(null, JsonWrite.ElementOrNull));
    }
}
