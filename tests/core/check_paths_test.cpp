// paths.hpp: link targets as paths, resolved against the note's folder as the checker and
// its file_exists callback see them.
#include "check/paths.hpp"

#include <gtest/gtest.h>

using notequiz::detail::join_path;
using notequiz::detail::parent_folder;
using notequiz::detail::percent_decode;

TEST(CheckPaths, JoinsAFolderAndARelativePathWithOneSlash) {
  EXPECT_EQ(join_path("notes", "img/a.png"), "notes/img/a.png");
  EXPECT_EQ(join_path("", "a.png"), "a.png");
  EXPECT_EQ(join_path({}, "notes/a.md"), "notes/a.md");
  EXPECT_EQ(join_path("a//b/", "//c//d/"), "a/b/c/d");
}

TEST(CheckPaths, ResolvesDotAndDotDotSegmentsLexically) {
  EXPECT_EQ(join_path("notes/go", "./img/../a.png"), "notes/go/a.png");
  EXPECT_EQ(join_path("notes/go", "../../a.png"), "a.png");
  EXPECT_EQ(join_path("notes", "../../a.png"), "../a.png");
  EXPECT_EQ(join_path("", "../../x/../a.png"), "../../a.png");
  EXPECT_EQ(join_path("..", "a/.."), "..");
  EXPECT_EQ(join_path("notes", ".."), ".");
  EXPECT_EQ(join_path("", ""), ".");
  EXPECT_EQ(join_path(".", "."), ".");
  EXPECT_EQ(join_path("a..", "..b/..c"), "a../..b/..c");
  EXPECT_EQ(join_path("a/..", "b"), "b");
}

TEST(CheckPaths, KeepsAnAbsoluteFolderAbsoluteAndStopsAtItsRoot) {
  EXPECT_EQ(join_path("/srv/notes", "img/a.png"), "/srv/notes/img/a.png");
  EXPECT_EQ(join_path("/srv/notes", "../../../a.png"), "/a.png");
  EXPECT_EQ(join_path("/", ".."), "/");
  EXPECT_EQ(join_path("/srv", ".."), "/");
}

TEST(CheckPaths, DecodesPercentEscapesAndKeepsMalformedOnes) {
  EXPECT_EQ(percent_decode("a%20b%2Fc"), "a b/c");
  EXPECT_EQ(percent_decode("%zz%4"), "%zz%4");
  EXPECT_EQ(percent_decode("%E4%B8%AD"), "\xE4\xB8\xAD");
  EXPECT_EQ(percent_decode("plain"), "plain");
}

TEST(CheckPaths, TakesTheParentFolderOfASlashSeparatedPath) {
  EXPECT_EQ(parent_folder("a/b.md"), "a");
  EXPECT_EQ(parent_folder("b.md"), "");
  EXPECT_EQ(parent_folder("/b.md"), "/");
}
