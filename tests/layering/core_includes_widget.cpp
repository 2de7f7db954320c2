// Must not compile: nothing in app/ below main.cpp sees the widgets.
#include "mainwindow.h"
