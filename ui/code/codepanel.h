// The "Code" panel: a preset as Python (the notes' own code when the preset is
// a seed, else generated) beside the equivalent C++ with QProcess, each
// highlighted and one click from the clipboard.
#pragma once

#include "preset.h"

#include <QWidget>

class CodeHighlighter;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSplitter;
class QStackedWidget;

class CodePanel : public QWidget
{
    Q_OBJECT
public:
    // Which Python the left editor shows when the preset carries the notes' code.
    enum class PythonSource { FromNotes, Generated };
    Q_ENUM(PythonSource)

    explicit CodePanel(QWidget *parent = nullptr);

    void setPreset(const Preset &preset);
    // Shows the placeholder instead of code.
    void clear();

    bool hasPreset() const { return m_hasPreset; }
    PythonSource pythonSource() const;
    // Only takes effect while the preset has code from the notes.
    void setPythonSource(PythonSource source);
    QString pythonCode() const;
    QString cppCode() const;

signals:
    // The text went to the clipboard; language is "Python" or "C++", for a status bar.
    void copied(const QString &language);
    // "Run this Python (watched)": the code shown, as a preset to start.
    void runRequested(const Preset &preset);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    QWidget *makeColumn(QLabel *heading, QWidget *extra, QLabel *note, QPlainTextEdit *editor, QPushButton *copy,
                        QPushButton *action = nullptr);
    // The Python the left side shows, with any secret in the clear: what runs.
    QString runnablePython() const;
    void showPython();
    // Splits the width by what each pane holds: Python gets its longest
    // line (at least a third, at most half), C++ the rest; when both fit,
    // they share what is left over evenly.
    void shareWidth();
    void copyToClipboard(QPlainTextEdit *editor, QPushButton *button, const QString &language);

    Preset m_preset;
    bool m_hasPreset = false;
    QStackedWidget *m_stack;
    QLabel *m_placeholder;
    QLabel *m_title;
    QLabel *m_command;
    QSplitter *m_splitter;
    QLabel *m_pythonHeading;
    QComboBox *m_pythonSource;
    QLabel *m_pythonNote;
    QPlainTextEdit *m_python;
    QPushButton *m_copyPython;
    QPushButton *m_runPython;
    QLabel *m_cppHeading;
    QLabel *m_cppNote;
    QPlainTextEdit *m_cpp;
    QPushButton *m_copyCpp;
    CodeHighlighter *m_pythonHighlighter;
    CodeHighlighter *m_cppHighlighter;
};
