// Copyright (c) LiveAvatarGen contributors. Licensed under the MIT License.

using System.Runtime.CompilerServices;

// Tests check model equality and the object graph of internal pipeline models.
[assembly: InternalsVisibleTo("LiveAvatarGen.Tests")]
