#pragma once
/// Everything notequiz offers, in one include.

#include "notequiz/deck.hpp"
#include "notequiz/deck_json.hpp"
#include "notequiz/diagnostic.hpp"
#include "notequiz/parse.hpp"
#include "notequiz/render.hpp"
#include "notequiz/version.hpp"
