// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

namespace System.Runtime.CompilerServices;

// netstandard2.0 lacks the type the compiler needs for records and init accessors.
internal static class IsExternalInit
{
}

// netstandard2.0 lacks the attributes that let SourceWriter take a template as an interpolated string handler.
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
internal sealed class InterpolatedStringHandlerAttribute : Attribute
{
}

[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
internal sealed class InterpolatedStringHandlerArgumentAttribute : Attribute
{
    public InterpolatedStringHandlerArgumentAttribute(string argument) => Arguments = new[] { argument };

    public InterpolatedStringHandlerArgumentAttribute(params string[] arguments) => Arguments = arguments;

    public string[] Arguments { get; }
}
