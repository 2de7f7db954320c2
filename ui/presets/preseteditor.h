// Edits one preset: title, notes, stages (program, arguments, environment with
// secret flags, working directory), copies, stdin and timings, with the
// problems shown where they are typed.
#pragma once

#include "preset.h"

#include <QDialog>

class QComboBox;
class QFormLayout;
class QGroupBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QSpinBox;
class QTableWidget;

class PresetEditor : public QDialog
{
    Q_OBJECT
public:
    explicit PresetEditor(const Preset &preset, QWidget *parent = nullptr);

    // The edited preset; valid when isValid().
    Preset preset() const;
    bool isValid() const { return m_problems.isEmpty(); }
    QStringList problems() const { return m_problems; }

    QLineEdit *programEdit() const { return m_program; }
    QLineEdit *stdinEdit() const { return m_stdinValue; }
    QComboBox *stdinKindBox() const { return m_stdinKind; }
    QDoubleSpinBox *timeoutSpin() const { return m_timeout; }
    QDoubleSpinBox *graceSpin() const { return m_grace; }
    QDoubleSpinBox *pollSpin() const { return m_poll; }

private:
    // The constructor's parts: the fields' ranges, choices and values,
    // the stages' box, the run's form, and what each field's change does.
    void setUpFields(const Preset &preset);
    QGroupBox *buildStageBox();
    QFormLayout *buildRunForm();
    void connectFields();
    void loadStage(int index);
    void storeStage();
    void addStage();
    void removeStage();
    void validate();
    void addEnvRow(const EnvVar &var);

    Preset m_preset;
    QList<StageSpec> m_stages;
    int m_currentStage = -1;
    QStringList m_problems;

    QLineEdit *m_title;
    QPlainTextEdit *m_notes;
    QListWidget *m_stageList;
    QLineEdit *m_program;
    QLabel *m_programProblem;
    QPlainTextEdit *m_args;
    QTableWidget *m_env;
    QLineEdit *m_cwd;
    QLabel *m_cwdProblem;
    QSpinBox *m_copies;
    QComboBox *m_stdinKind;
    QLineEdit *m_stdinValue;
    QLabel *m_stdinProblem;
    QDoubleSpinBox *m_timeout;
    QDoubleSpinBox *m_grace;
    QDoubleSpinBox *m_poll;
    QLabel *m_timingProblem;
    QDialogButtonBox *m_buttons;
};
