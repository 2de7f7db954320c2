#include "mimetypes.h"
#include "presetfile.h"
#include "presetlistmodel.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QSignalSpy>
#include <QtTest>

#include <memory>

namespace {

const QString kSecret = QStringLiteral("zf7ShyBhgZ0raQDdE/FiZpm/m/8f9X+M1");

Preset makePreset(const QString &id, const QString &program, const QStringList &args = {})
{
    Preset p;
    p.id = id;
    p.title = QStringLiteral("Title of %1").arg(id);
    StageSpec stage;
    stage.program = program;
    stage.args = args;
    p.stages = {stage};
    return p;
}

QStringList idsOf(const PresetListModel &model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids << model.index(row).data(PresetListModel::IdRole).toString();
    return ids;
}

} // namespace

class TestPresetListModel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void emptyModel();
    void setPresetsResets();
    void addPresetsAppends();
    void addPresetsReplacesById();
    void addPresetsMixed();
    void rowOf_data();
    void rowOf();
    void dataRoles_data();
    void dataRoles();
    void shellPresetIsMarked();
    void tooltipEscapesHtml();
    void invalidIndexHasNoData();
    void roleNames();
    void flags();
    void mimeTypes();
    void mimeDataRoundTrip_data();
    void mimeDataRoundTrip();
    void mimeDataNeverCarriesSecrets();
    void idsFromForeignMimeData();
    void seedDroppedAmongUserPresetsIsCopied();
    void userPresetsReorderButSeedsStay();
    void jobAndFileDropsAreHandedUp();
    void sessionPresetsAreNotSaved();

private:
    std::unique_ptr<PresetListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestPresetListModel::init()
{
    m_model = std::make_unique<PresetListModel>();
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestPresetListModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
}

void TestPresetListModel::emptyModel()
{
    QCOMPARE(m_model->rowCount(), 0);
    QCOMPARE(m_model->rowOf(QStringLiteral("hello-child")), -1);
    QVERIFY(m_model->presets().isEmpty());
}

void TestPresetListModel::setPresetsResets()
{
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    const QList<Preset> builtIns = PresetFile::builtIns();
    m_model->setPresets(builtIns);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(m_model->rowCount(), int(builtIns.size()));
    QCOMPARE(m_model->presets(), builtIns);
    QCOMPARE(idsOf(*m_model), (QStringList{"hello-child", "poll-sleep", "fanout-sleep", "python-fanout-watched", "openssl-encrypt",
                                           "chain-md5", "chain-whirlpool", "timeout-kill", "buffering-pipe",
                                           "buffering-pty"}));
    // A valid parent has no children: this is a flat list.
    QCOMPARE(m_model->rowCount(m_model->index(0)), 0);

    m_model->setPresets({makePreset("x", "true")});
    QCOMPARE(reset.count(), 2);
    QCOMPARE(idsOf(*m_model), QStringList{"x"});
}

void TestPresetListModel::addPresetsAppends()
{
    m_model->setPresets({makePreset("a", "true")});
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);

    m_model->addPresets({makePreset("b", "true"), makePreset("c", "true")});
    QCOMPARE(idsOf(*m_model), (QStringList{"a", "b", "c"}));
    QCOMPARE(reset.count(), 0); // adding must not reset the view
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(inserted.at(0).at(1).toInt(), 1);
    QCOMPARE(inserted.at(0).at(2).toInt(), 1);
    QCOMPARE(inserted.at(1).at(1).toInt(), 2);
    QCOMPARE(inserted.at(1).at(2).toInt(), 2);
}

void TestPresetListModel::addPresetsReplacesById()
{
    m_model->setPresets(PresetFile::builtIns());
    const int before = m_model->rowCount();
    const int row = m_model->rowOf(QStringLiteral("fanout-sleep"));
    QVERIFY(row >= 0);

    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);

    Preset replacement = makePreset("fanout-sleep", "sleep", {"5"});
    replacement.title = QStringLiteral("My fan-out");
    replacement.copies = 2;
    m_model->addPresets({replacement});

    QCOMPARE(m_model->rowCount(), before);
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex(), m_model->index(row));
    QCOMPARE(changed.first().at(1).toModelIndex(), m_model->index(row));
    QCOMPARE(m_model->rowOf(QStringLiteral("fanout-sleep")), row); // stays where it was
    QCOMPARE(m_model->index(row).data().toString(), QStringLiteral("My fan-out"));
    QCOMPARE(m_model->index(row).data(PresetListModel::CommandRole).toString(), QStringLiteral("sleep 5"));
    QVERIFY(m_model->presetAt(row) == replacement);
    QVERIFY(!m_model->index(row).data(PresetListModel::BuiltInRole).toBool());
}

void TestPresetListModel::addPresetsMixed()
{
    m_model->setPresets({makePreset("a", "true"), makePreset("b", "true")});
    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);

    // A file with a new preset, a replacement, and the same new id twice.
    m_model->addPresets({makePreset("c", "one"), makePreset("a", "two"), makePreset("c", "three")});
    QCOMPARE(idsOf(*m_model), (QStringList{"a", "b", "c"}));
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(changed.count(), 2);
    QCOMPARE(m_model->presetAt(0).stages.first().program, QStringLiteral("two"));
    QCOMPARE(m_model->presetAt(2).stages.first().program, QStringLiteral("three"));
}

void TestPresetListModel::rowOf_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<int>("row");

    QTest::newRow("first") << "hello-child" << 0;
    QTest::newRow("middle") << "openssl-encrypt" << 4;
    QTest::newRow("last") << "timeout-kill" << 7;
    QTest::newRow("absent") << "nope" << -1;
    QTest::newRow("empty") << "" << -1;
    QTest::newRow("case matters") << "Hello-Child" << -1;
}

void TestPresetListModel::rowOf()
{
    QFETCH(QString, id);
    QFETCH(int, row);
    m_model->setPresets(PresetFile::builtIns());
    QCOMPARE(m_model->rowOf(id), row);
    if (row >= 0)
        QCOMPARE(m_model->presetAt(row).id, id);
}

void TestPresetListModel::dataRoles_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("command"); // empty: only compared with Preset::commandLine()
    QTest::addColumn<bool>("builtIn");
    QTest::addColumn<QString>("tooltipPart");

    QTest::newRow("hello-child") << "hello-child" << "" << true << "<code>hello-child</code>";
    QTest::newRow("fanout-sleep") << "fanout-sleep" << "sleep 0.1" << true << "× 10 at once";
    QTest::newRow("chain-md5") << "chain-md5" << "openssl enc -des3 -pass env:password | md5sum" << true
                               << "openssl enc -des3 -pass env:password | md5sum";
    QTest::newRow("timeout-kill") << "timeout-kill" << "sleep 10" << true << "sleep 10";
}

void TestPresetListModel::dataRoles()
{
    QFETCH(QString, id);
    QFETCH(QString, command);
    QFETCH(bool, builtIn);
    QFETCH(QString, tooltipPart);

    m_model->setPresets(PresetFile::builtIns());
    const QModelIndex index = m_model->index(m_model->rowOf(id));
    QVERIFY(index.isValid());
    const Preset &preset = m_model->presetAt(index.row());
    // Titles are still being reworded; the display is the title, whatever it says.
    QVERIFY(!preset.title.isEmpty());
    QCOMPARE(index.data(Qt::DisplayRole).toString(), preset.title);
    QCOMPARE(index.data(PresetListModel::IdRole).toString(), id);
    QCOMPARE(index.data(PresetListModel::CommandRole).toString(), preset.commandLine());
    if (!command.isEmpty())
        QCOMPARE(index.data(PresetListModel::CommandRole).toString(), command);
    QCOMPARE(index.data(PresetListModel::DescriptionRole).toString(), m_model->presetAt(index.row()).description);
    QVERIFY(!index.data(PresetListModel::DescriptionRole).toString().isEmpty());
    QCOMPARE(index.data(PresetListModel::BuiltInRole).toBool(), builtIn);
    QCOMPARE(index.data(PresetListModel::ShellRole).toBool(), false);
    const QString tip = index.data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(tooltipPart), qPrintable(tip));
    QVERIFY(!tip.contains(kSecret));
    QVERIFY(!index.data(Qt::DecorationRole).isValid());
}

void TestPresetListModel::shellPresetIsMarked()
{
    QString error;
    Preset shell = Preset::fromCommand(QStringLiteral("ls | wc -l"), true, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    m_model->addPresets({shell, makePreset("plain", "true")});

    const QModelIndex shellIndex = m_model->index(m_model->rowOf(QStringLiteral("command")));
    QVERIFY(shellIndex.data(PresetListModel::ShellRole).toBool());
    QVERIFY(shellIndex.data().toString().contains(QStringLiteral("[shell]")));
    QVERIFY(shellIndex.data().toString().startsWith(QStringLiteral("ls | wc -l")));
    const QString shellCommand = m_model->presetAt(shellIndex.row()).commandLine();
    QVERIFY(shellCommand.startsWith(QStringLiteral("/bin/sh -c ")));
    QVERIFY(shellIndex.data(Qt::ToolTipRole).toString().contains(shellCommand.toHtmlEscaped()));

    const QModelIndex plainIndex = m_model->index(m_model->rowOf(QStringLiteral("plain")));
    QVERIFY(!plainIndex.data(PresetListModel::ShellRole).toBool());
    QVERIFY(!plainIndex.data().toString().contains(QStringLiteral("[shell]")));
}

void TestPresetListModel::tooltipEscapesHtml()
{
    // Titles, ids and commands come from user files: they are text, not markup.
    Preset p = makePreset("a<i>&b", "echo", {"<b>bold</b>"});
    p.title = QStringLiteral("x < y & <u>z</u>");
    p.description = QStringLiteral("<script>");
    m_model->setPresets({p});
    const QString tip = m_model->index(0).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("x &lt; y &amp; &lt;u&gt;z&lt;/u&gt;")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("&lt;script&gt;")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("&lt;b&gt;bold&lt;/b&gt;")), qPrintable(tip));
    QVERIFY2(!tip.contains(QStringLiteral("<u>")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("<code>a&lt;i&gt;&amp;b</code>")), qPrintable(tip));
    // The id is still the raw id in its own role.
    QCOMPARE(m_model->index(0).data(PresetListModel::IdRole).toString(), QStringLiteral("a<i>&b"));
}

void TestPresetListModel::invalidIndexHasNoData()
{
    m_model->setPresets({makePreset("a", "true")});
    QVERIFY(!m_model->data(QModelIndex(), Qt::DisplayRole).isValid());
    QVERIFY(!m_model->data(QModelIndex(), PresetListModel::IdRole).isValid());
    QVERIFY(!m_model->index(5).isValid());
    QVERIFY(!m_model->index(0).data(Qt::UserRole + 100).isValid());
}

void TestPresetListModel::roleNames()
{
    const QHash<int, QByteArray> names = m_model->roleNames();
    QCOMPARE(names.value(PresetListModel::IdRole), QByteArray("presetId"));
    QCOMPARE(names.value(PresetListModel::CommandRole), QByteArray("command"));
    QCOMPARE(names.value(PresetListModel::DescriptionRole), QByteArray("description"));
    QCOMPARE(names.value(PresetListModel::BuiltInRole), QByteArray("builtIn"));
    QCOMPARE(names.value(PresetListModel::ShellRole), QByteArray("shell"));
    QCOMPARE(names.value(Qt::DisplayRole), QByteArray("display")); // the defaults are kept
    QCOMPARE(int(PresetListModel::IdRole), int(Qt::UserRole));
}

void TestPresetListModel::flags()
{
    m_model->setPresets(PresetFile::builtIns());
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const Qt::ItemFlags flags = m_model->flags(m_model->index(row));
        QVERIFY(flags.testFlag(Qt::ItemIsDragEnabled));
        QVERIFY(flags.testFlag(Qt::ItemIsEnabled));
        QVERIFY(flags.testFlag(Qt::ItemIsSelectable));
        QVERIFY(!flags.testFlag(Qt::ItemIsEditable));
    }
    QVERIFY(!m_model->flags(QModelIndex()).testFlag(Qt::ItemIsDragEnabled));
    // Copy to run or add elsewhere; move to reorder your own presets.
    QCOMPARE(m_model->supportedDragActions(), Qt::DropActions(Qt::CopyAction | Qt::MoveAction));
    QVERIFY(m_model->flags(QModelIndex()).testFlag(Qt::ItemIsDropEnabled));
    QVERIFY(!m_model->flags(m_model->index(0)).testFlag(Qt::ItemIsDropEnabled)); // drops land between items
}

void TestPresetListModel::mimeTypes()
{
    const QStringList types = m_model->mimeTypes();
    QVERIFY(types.contains(MimeTypes::PresetIds));
    QVERIFY(types.contains(QStringLiteral("text/plain")));
}

void TestPresetListModel::mimeDataRoundTrip_data()
{
    QTest::addColumn<QList<int>>("rows");
    QTest::addColumn<QStringList>("ids");

    QTest::newRow("one") << QList<int>{2} << QStringList{"fanout-sleep"};
    QTest::newRow("two in order") << QList<int>{0, 5} << QStringList{"hello-child", "chain-md5"};
    // Selection order is not row order; the drag lists rows top to bottom.
    QTest::newRow("reverse selection") << QList<int>{7, 1, 4}
                                       << QStringList{"poll-sleep", "openssl-encrypt", "timeout-kill"};
    QTest::newRow("all") << QList<int>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
                         << QStringList{"hello-child", "poll-sleep", "fanout-sleep", "python-fanout-watched", "openssl-encrypt",
                                        "chain-md5", "chain-whirlpool", "timeout-kill", "buffering-pipe",
                                        "buffering-pty"};
    QTest::newRow("none") << QList<int>{} << QStringList{};
}

void TestPresetListModel::mimeDataRoundTrip()
{
    QFETCH(QList<int>, rows);
    QFETCH(QStringList, ids);

    m_model->setPresets(PresetFile::builtIns());
    QModelIndexList indexes;
    for (int row : rows)
        indexes << m_model->index(row);
    indexes << QModelIndex(); // an invalid index in the list is skipped

    const std::unique_ptr<QMimeData> mime(m_model->mimeData(indexes));
    QVERIFY(mime);
    QVERIFY(mime->hasFormat(MimeTypes::PresetIds));
    QCOMPARE(PresetListModel::idsFromMimeData(mime.get()), ids);

    QStringList lines;
    for (const QString &id : ids)
        lines << m_model->presetAt(m_model->rowOf(id)).commandLine();
    QVERIFY(mime->hasText());
    QCOMPARE(mime->text(), lines.join(QLatin1Char('\n')));
}

void TestPresetListModel::mimeDataNeverCarriesSecrets()
{
    m_model->setPresets(PresetFile::builtIns());
    QModelIndexList all;
    for (int row = 0; row < m_model->rowCount(); ++row)
        all << m_model->index(row);
    const std::unique_ptr<QMimeData> mime(m_model->mimeData(all));
    QVERIFY(mime);

    // The precondition: the secret really is in the presets being dragged.
    const Preset &encrypt = m_model->presetAt(m_model->rowOf(QStringLiteral("openssl-encrypt")));
    QCOMPARE(encrypt.stages.first().env.first().value, kSecret);

    QVERIFY(mime->text().contains(QStringLiteral("openssl enc -des3 -pass env:password")));
    for (const QString &format : mime->formats()) {
        const QByteArray bytes = mime->data(format);
        QVERIFY2(!bytes.contains(kSecret.toUtf8()), qPrintable(format));
        QVERIFY2(!QString::fromUtf16(reinterpret_cast<const char16_t *>(bytes.constData()), bytes.size() / 2)
                      .contains(kSecret),
                 qPrintable(format));
    }
    QVERIFY(!mime->text().contains(kSecret));
}

void TestPresetListModel::idsFromForeignMimeData()
{
    QCOMPARE(PresetListModel::idsFromMimeData(nullptr), QStringList{});

    QMimeData textOnly;
    textOnly.setText(QStringLiteral("hello-child"));
    QCOMPARE(PresetListModel::idsFromMimeData(&textOnly), QStringList{});

    QMimeData garbage;
    garbage.setData(MimeTypes::PresetIds, "not json");
    QCOMPARE(PresetListModel::idsFromMimeData(&garbage), QStringList{});

    QMimeData mixed;
    mixed.setData(MimeTypes::PresetIds, "[\"a\", 3, null, \"b\", {\"c\": 1}]");
    QCOMPARE(PresetListModel::idsFromMimeData(&mixed), (QStringList{"a", "b"}));
}

namespace {

Preset userPreset(const QString &id)
{
    Preset preset;
    preset.id = id;
    preset.title = id;
    StageSpec stage;
    stage.program = QStringLiteral("echo");
    stage.args = {id};
    preset.stages = {stage};
    return preset;
}

} // namespace

void TestPresetListModel::seedDroppedAmongUserPresetsIsCopied()
{
    m_model->setPresets(PresetFile::builtIns());
    QSignalSpy changed(m_model.get(), &PresetListModel::userPresetsChanged);
    const int seeds = m_model->rowCount();
    QCOMPARE(m_model->firstUserRow(), seeds);
    std::unique_ptr<QMimeData> data(m_model->mimeData({m_model->index(m_model->rowOf("chain-md5"))}));
    QVERIFY(m_model->canDropMimeData(data.get(), Qt::MoveAction, seeds, 0, {}));
    QVERIFY(m_model->dropMimeData(data.get(), Qt::MoveAction, seeds, 0, {}));
    QCOMPARE(m_model->rowCount(), seeds + 1);
    QVERIFY(m_model->rowOf("chain-md5") < seeds); // the seed is still there...
    const Preset copy = m_model->presetAt(seeds); // ...and a copy of it is yours
    QCOMPARE(copy.id, QStringLiteral("chain-md5-2"));
    QVERIFY(!copy.builtIn);
    QCOMPARE(copy.stages, m_model->presetAt(m_model->rowOf("chain-md5")).stages);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_model->userPresets().size(), 1);
    // A drop aimed at the seeds lands at the start of your presets.
    QVERIFY(m_model->dropMimeData(data.get(), Qt::CopyAction, 0, 0, {}));
    QCOMPARE(m_model->presetAt(seeds).id, QStringLiteral("chain-md5-3"));
    QVERIFY(!m_model->removeRows(0, 1)); // a drag never removes a seed
    QCOMPARE(m_model->rowCount(), seeds + 2);
}

void TestPresetListModel::userPresetsReorderButSeedsStay()
{
    m_model->setPresets(PresetFile::builtIns());
    const int seeds = m_model->rowCount();
    for (const char *id : {"a", "b", "c"})
        m_model->insertUserPreset(-1, userPreset(QString::fromLatin1(id)));
    QCOMPARE(m_model->presetAt(seeds).id, QStringLiteral("a"));
    // Move "c" to the top of your presets, as a drag would.
    std::unique_ptr<QMimeData> data(m_model->mimeData({m_model->index(seeds + 2)}));
    QVERIFY(m_model->dropMimeData(data.get(), Qt::MoveAction, seeds, 0, {}));
    QStringList order;
    for (const Preset &p : m_model->userPresets())
        order << p.id;
    QCOMPARE(order, (QStringList{"c", "a", "b"}));
    QVERIFY(m_model->moveRows({}, seeds + 2, 1, {}, seeds + 1)); // b up one
    order.clear();
    for (const Preset &p : m_model->userPresets())
        order << p.id;
    QCOMPARE(order, (QStringList{"c", "b", "a"}));
    QVERIFY(!m_model->moveRows({}, 0, 1, {}, seeds + 1));     // seeds do not move
    QVERIFY(!m_model->moveRows({}, seeds, 1, {}, 0));         // and nothing moves among them
    Preset removed;
    QVERIFY(!m_model->removeUserPreset(0));
    QVERIFY(m_model->removeUserPreset(seeds, &removed));
    QCOMPARE(removed.id, QStringLiteral("c"));
}

void TestPresetListModel::jobAndFileDropsAreHandedUp()
{
    m_model->setPresets(PresetFile::builtIns());
    QSignalSpy jobs(m_model.get(), &PresetListModel::jobDropped);
    QSignalSpy files(m_model.get(), &PresetListModel::filesDropped);
    QMimeData job;
    job.setData(MimeTypes::Job, "3 1");
    QVERIFY(m_model->dropMimeData(&job, Qt::CopyAction, 7, 0, {}));
    QCOMPARE(jobs.count(), 1);
    QCOMPARE(jobs.first().at(0).toByteArray(), QByteArray("3 1"));
    QCOMPARE(jobs.first().at(1).toInt(), 7);
    QMimeData file;
    file.setUrls({QUrl::fromLocalFile(QStringLiteral("/tmp/presets.json"))});
    QVERIFY(m_model->dropMimeData(&file, Qt::CopyAction, -1, 0, {}));
    QCOMPARE(files.count(), 1);
    QMimeData text;
    text.setText(QStringLiteral("echo hi"));
    QVERIFY(!m_model->canDropMimeData(&text, Qt::CopyAction, -1, 0, {})); // text goes to the table, not here
}

void TestPresetListModel::sessionPresetsAreNotSaved()
{
    QList<Preset> presets = PresetFile::builtIns();
    Preset session = userPreset(QStringLiteral("from-file"));
    session.sessionOnly = true;
    presets << userPreset(QStringLiteral("mine")) << session;
    m_model->setPresets(presets);
    QCOMPARE(m_model->userPresets().size(), 1);
    QCOMPARE(m_model->userPresets().first().id, QStringLiteral("mine"));
    QCOMPARE(m_model->index(m_model->rowOf("from-file")).data(PresetListModel::CategoryRole).toString(),
             QStringLiteral("This session"));
    QCOMPARE(m_model->index(0).data(PresetListModel::CategoryRole).toString(), QStringLiteral("Seeds"));
    // New presets go after yours, before the session's.
    const int row = m_model->insertUserPreset(-1, userPreset(QStringLiteral("new")));
    QCOMPARE(row, m_model->rowOf("from-file") - 1);
}

QTEST_GUILESS_MAIN(TestPresetListModel)
#include "tst_presetlistmodel.moc"
