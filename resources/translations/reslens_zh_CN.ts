<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Duration</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>there is nothing to export yet</source>
        <translation>还没有可导出的内容</translation>
    </message>
    <message>
        <source>Exported from ResLens</source>
        <translation>由 ResLens 导出</translation>
    </message>
    <message>
        <source>, photos cropped to their object</source>
        <translation>，照片已裁剪到物体</translation>
    </message>
    <message>
        <source>, inverted on light backgrounds</source>
        <translation>，浅色背景已反相</translation>
    </message>
    <message>
        <source>%1 (%2, shipped)</source>
        <translation>%1（%2，随附）</translation>
    </message>
    <message>
        <source>%1 (fresh weights)</source>
        <translation>%1（新初始化权重）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>input x</source>
        <translation>输入 x</translation>
    </message>
    <message>
        <source>residual F(x)</source>
        <translation>残差 F(x)</translation>
    </message>
    <message>
        <source>shortcut</source>
        <translation>捷径</translation>
    </message>
    <message>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>%1 (bottleneck %2→%3→%3→%4): its convolutions hold %5 parameters; a basic block of two 3×3 convolutions at %4 channels would need 3·3·%4·%4·2 = %6 — %7 vs %6: %8x fewer.</source>
        <translation>%1（瓶颈结构 %2→%3→%3→%4）：其卷积共有 %5 个参数；在 %4 个通道上由两个 3×3 卷积构成的基本块需要 3·3·%4·%4·2 = %6 个——%7 对 %6：少 %8 倍。</translation>
    </message>
    <message>
        <source>%1 (basic %2→%3): 3·3·%2·%3 + 3·3·%3·%3 = %4 convolution parameters; a bottleneck of the same output width (1×1 to %5, 3×3, 1×1 back) would need %6.</source>
        <translation>%1（基本块 %2→%3）：3·3·%2·%3 + 3·3·%3·%3 = %4 个卷积参数；输出宽度相同的瓶颈结构（1×1 降到 %5，3×3，再 1×1 升回）需要 %6 个。</translation>
    </message>
    <message>
        <source>there is no training data yet</source>
        <translation>还没有训练数据</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Look inside a residual network: drop an image, step through the blocks.</source>
        <translation>透视残差网络：拖入一张图像，逐块查看。</translation>
    </message>
    <message>
        <source>An image to classify at start-up.</source>
        <translation>启动时要分类的图像。</translation>
    </message>
    <message>
        <source>A ResLens model file, or a shipped model: %1.</source>
        <translation>ResLens 模型文件，或随附模型：%1。</translation>
    </message>
    <message>
        <source>A torchvision ResNet saved as TorchScript (or a state dict) to import.</source>
        <translation>要导入的 torchvision ResNet，保存为 TorchScript（或 state dict）。</translation>
    </message>
    <message>
        <source>Build this architecture with fresh weights (resnet50, plain56, ...).</source>
        <translation>用随机初始化的权重构建该结构（resnet50、plain56 等）。</translation>
    </message>
    <message>
        <source>cpu or cuda[:N].</source>
        <translation>cpu 或 cuda[:N]。</translation>
    </message>
    <message>
        <source>CPU threads for LibTorch.</source>
        <translation>LibTorch 的 CPU 线程数。</translation>
    </message>
    <message>
        <source>Select this navigator entry at start-up (0 stem, 1 the first block, ...).</source>
        <translation>启动时选中块列表中的这一项（0 为主干，1 为第一个块，……）。</translation>
    </message>
    <message>
        <source>Show Grad-CAM (the top-1 class) in the feature panel at start-up.</source>
        <translation>启动时在特征图面板中显示 Grad-CAM（Top-1 类别）。</translation>
    </message>
    <message>
        <source>Open the training lab and train this architecture against its plain twin.</source>
        <translation>打开训练实验室，将该结构与其普通（无跳连）孪生网络对比训练。</translation>
    </message>
    <message>
        <source>Steps of the --lab run (default 300).</source>
        <translation>--lab 训练的步数（默认 300）。</translation>
    </message>
    <message>
        <source>Open the lesion study and run it for the model and its shipped twin.</source>
        <translation>打开消融实验，对该模型及其随附的孪生网络运行。</translation>
    </message>
    <message>
        <source>Open the loss landscape and slice the model and its shipped twin: N points per axis (1-D), or NxN with --landscape-2d.</source>
        <translation>打开损失地形，对该模型及其随附的孪生网络做切片：每轴 N 个点（一维），或配合 --landscape-2d 取 NxN。</translation>
    </message>
    <message>
        <source>With --landscape: a 2-D slice.</source>
        <translation>配合 --landscape：二维切片。</translation>
    </message>
    <message>
        <source>With --landscape: images of the training split (default 2000).</source>
        <translation>配合 --landscape：训练集中使用的图像数（默认 2000）。</translation>
    </message>
    <message>
        <source>Open a saved lab run (or a reslens-cli compare folder) in the lab.</source>
        <translation>在训练实验室中打开保存的训练记录（或 reslens-cli compare 文件夹）。</translation>
    </message>
    <message>
        <source>Start in presenter mode (full screen, scaled, high-contrast charts).</source>
        <translation>以演示模式启动（全屏、放大、高对比度图表）。</translation>
    </message>
    <message>
        <source>Presenter mode&apos;s scale in percent: 125, 150, 175 or 200.</source>
        <translation>演示模式的缩放百分比：125、150、175 或 200。</translation>
    </message>
    <message>
        <source>Save a PNG of the window once it has drawn, then quit (for docs); with --landscape, the slices&apos; CSV beside it.</source>
        <translation>窗口绘制完成后保存为 PNG 并退出（用于文档）；配合 --landscape 时在旁边另存切片的 CSV。</translation>
    </message>
    <message>
        <source>Batch size of the --lab run (default 64; the learning rate is 0.1 × batch / 128).</source>
        <translation>--lab 训练的批大小（默认 64；学习率为 0.1 × 批大小 / 128）。</translation>
    </message>
</context>
<context>
    <name>reslens::BlockListWidget</name>
    <message>
        <source>Block</source>
        <translation>残差块</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>捷径</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Bypass</source>
        <translation>旁路</translation>
    </message>
    <message>
        <source>Bypass F(x): the block passes its shortcut on alone (a lesion, Veit et al. 2016). Key: B</source>
        <translation>旁路 F(x)：该块只传递捷径分支（即删除该块，Veit 等 2016）。快捷键：B</translation>
    </message>
    <message>
        <source>basic</source>
        <translation>基本块</translation>
    </message>
    <message>
        <source>bottleneck</source>
        <translation>瓶颈结构</translation>
    </message>
    <message>
        <source>identity</source>
        <translation>恒等映射</translation>
    </message>
    <message>
        <source>zero-pad</source>
        <translation>零填充</translation>
    </message>
    <message>
        <source>projection</source>
        <translation>投影</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Bypass F(x) of %1</source>
        <translation>旁路 %1 的 F(x)</translation>
    </message>
    <message>
        <source>Restore every block</source>
        <translation>恢复所有块</translation>
    </message>
    <message>
        <source>stem (conv1)</source>
        <translation>主干（conv1）</translation>
    </message>
    <message>
        <source>convolution</source>
        <translation>卷积</translation>
    </message>
    <message>
        <source>convolutions %1, batch norm %2, shortcut %3</source>
        <translation>卷积 %1，批归一化 %2，捷径 %3</translation>
    </message>
    <message>
        <source>Bypass F(x): %1 passes its shortcut on alone</source>
        <translation>旁路 F(x)：%1 只传递捷径分支</translation>
    </message>
    <message>
        <source>pool + fc</source>
        <translation>池化 + 全连接</translation>
    </message>
    <message>
        <source>classifier</source>
        <translation>分类器</translation>
    </message>
    <message>
        <source>Params</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Mult-adds</source>
        <translation>乘加运算</translation>
    </message>
    <message>
        <source>Multiply-adds at the model&apos;s input size</source>
        <translation>模型输入尺寸下的乘加运算次数</translation>
    </message>
</context>
<context>
    <name>reslens::BypassBar</name>
    <message>
        <source>Restore all</source>
        <translation>全部恢复</translation>
    </message>
    <message>
        <source>Bypass no block: the network as it was trained</source>
        <translation>不旁路任何块：即训练好的原网络</translation>
    </message>
    <message>
        <source>1 block bypassed: %1</source>
        <translation>已旁路 1 个块：%1</translation>
    </message>
    <message>
        <source>%1 blocks bypassed: %2</source>
        <translation>已旁路 %1 个块：%2</translation>
    </message>
</context>
<context>
    <name>reslens::DepthProfileChart</name>
    <message>
        <source>Gradient norm against depth, now</source>
        <translation>当前各深度的梯度范数</translation>
    </message>
    <message>
        <source>block (input side → output side)</source>
        <translation>残差块（输入端 → 输出端）</translation>
    </message>
    <message>
        <source>gradient norm (log)</source>
        <translation>梯度范数（对数）</translation>
    </message>
    <message>
        <source>Gradient norm against depth at step %1</source>
        <translation>第 %1 步各深度的梯度范数</translation>
    </message>
    <message>
        <source>%1, step 1</source>
        <translation>%1，第 1 步</translation>
    </message>
</context>
<context>
    <name>reslens::DropZone</name>
    <message>
        <source>Drop an image here
or paste one (Ctrl+V)</source>
        <translation>把图像拖到这里
或粘贴一张（Ctrl+V）</translation>
    </message>
    <message>
        <source>Drop an image file, or paste an image, to classify it</source>
        <translation>拖入图像文件或粘贴图像以进行分类</translation>
    </message>
</context>
<context>
    <name>reslens::FeatureGridView</name>
    <message>
        <source>No feature maps yet</source>
        <translation>还没有特征图</translation>
    </message>
    <message>
        <source>channel %1
mean %2
std %3
min %4
max %5</source>
        <translation>通道 %1
均值 %2
标准差 %3
最小值 %4
最大值 %5</translation>
    </message>
</context>
<context>
    <name>reslens::FeatureMapPanel</name>
    <message>
        <source>Class:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <source>Strongest first</source>
        <translation>最强的在前</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>Overlay on input</source>
        <translation>叠加到输入上</translation>
    </message>
    <message>
        <source>Input x</source>
        <translation>输入 x</translation>
    </message>
    <message>
        <source>Residual F(x)</source>
        <translation>残差 F(x)</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>捷径</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Grad-CAM</source>
        <translation>Grad-CAM</translation>
    </message>
    <message>
        <source>Which tensor of the block to show (Ctrl+1 … Ctrl+4), or Grad-CAM (Ctrl+5): where in the image the evidence for a class lies at this block (Selvaraju et al. 2017)</source>
        <translation>显示该块的哪个张量（Ctrl+1 … Ctrl+4），或 Grad-CAM（Ctrl+5）：在这个块上，某一类别的证据位于图像的何处（Selvaraju 等 2017）</translation>
    </message>
    <message>
        <source>Top-1</source>
        <translation>Top-1</translation>
    </message>
    <message>
        <source>The class whose evidence to show; clicking a prediction chooses it too</source>
        <translation>要显示证据的类别；点击一个预测结果也可以选择</translation>
    </message>
    <message>
        <source>Viridis</source>
        <translation>Viridis</translation>
    </message>
    <message>
        <source>Inferno</source>
        <translation>Inferno</translation>
    </message>
    <message>
        <source>Gray</source>
        <translation>灰度</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>带符号</translation>
    </message>
    <message>
        <source>Signed: blue negative, white zero, red positive — the sign of F(x) at a glance</source>
        <translation>带符号：蓝色为负，白色为零，红色为正——一眼看出 F(x) 的符号</translation>
    </message>
    <message>
        <source>Per channel</source>
        <translation>逐通道</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>共享</translation>
    </message>
    <message>
        <source>Per channel: each tile uses the whole colormap (shapes).
Shared: one range for all tiles (magnitudes compare).</source>
        <translation>逐通道：每个小图使用完整色标（看形状）。
共享：所有小图使用同一范围（比较大小）。</translation>
    </message>
    <message>
        <source>Order channels by mean activation, strongest first</source>
        <translation>按平均激活排序通道，最强的在前</translation>
    </message>
    <message>
        <source>Zoom (Ctrl+wheel over the grid)</source>
        <translation>缩放（在网格上 Ctrl+滚轮）</translation>
    </message>
    <message>
        <source>Click a channel</source>
        <translation>点击一个通道</translation>
    </message>
    <message>
        <source>Lay the channel over the image the network received</source>
        <translation>把该通道叠加到网络收到的图像上</translation>
    </message>
    <message>
        <source>Tensor:</source>
        <translation>张量：</translation>
    </message>
    <message>
        <source>Colormap:</source>
        <translation>色标：</translation>
    </message>
    <message>
        <source>Scale:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <source>Zoom:</source>
        <translation>缩放：</translation>
    </message>
    <message>
        <source>Zoom so that the whole grid is visible</source>
        <translation>缩放到能看到整个网格</translation>
    </message>
    <message>
        <source>Channel %1</source>
        <translation>通道 %1</translation>
    </message>
    <message>
        <source>: mean %1, std %2, range [%3, %4]</source>
        <translation>：均值 %1，标准差 %2，范围 [%3, %4]</translation>
    </message>
</context>
<context>
    <name>reslens::GradientHistoryChart</name>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>gradient norm (log)</source>
        <translation>梯度范数（对数）</translation>
    </message>
    <message>
        <source>%1: per-block gradient norms (shallow = violet, deep = yellow)</source>
        <translation>%1：各残差块的梯度范数（浅层 = 紫色，深层 = 黄色）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>reslens::InferenceWorker</name>
    <message>
        <source>Drop an image to see what each block does with it.</source>
        <translation>拖入一张图像，看看每个块对它做了什么。</translation>
    </message>
    <message>
        <source>stem output</source>
        <translation>主干输出</translation>
    </message>
    <message>
        <source>last block output, before average pooling</source>
        <translation>最后一个块的输出，平均池化之前</translation>
    </message>
    <message>
        <source>%1 has no shortcut: it is a block of a plain network.</source>
        <translation>%1 没有捷径连接：它是普通网络（无跳连）的一个块。</translation>
    </message>
    <message>
        <source>%1 is bypassed: F(x) is not computed, the block passes its shortcut on alone.</source>
        <translation>%1 已被旁路：不计算 F(x)，该块只传递捷径分支。</translation>
    </message>
    <message>
        <source>Cannot draw the feature maps: %1</source>
        <translation>无法绘制特征图：%1</translation>
    </message>
    <message>
        <source>Drop an image to see where the evidence for its class lies.</source>
        <translation>拖入一张图像，看看其类别的证据位于何处。</translation>
    </message>
    <message>
        <source>Grad-CAM · %1 · evidence for %2 (%3%) · %4×%5</source>
        <translation>Grad-CAM · %1 · %2 的证据（%3%）· %4×%5</translation>
    </message>
    <message>
        <source>No positive evidence for %1 at %2: the weighted sum of the channels is at or below zero everywhere (Grad-CAM keeps only what speaks for the class).</source>
        <translation>%2 处没有支持 %1 的正向证据：各通道的加权和处处小于等于零（Grad-CAM 只保留支持该类别的部分）。</translation>
    </message>
</context>
<context>
    <name>reslens::InputPanel</name>
    <message>
        <source>Crop to object</source>
        <translation>裁剪到物体</translation>
    </message>
    <message>
        <source>Open image…</source>
        <translation>打开图像…</translation>
    </message>
    <message>
        <source>Choose an image file (Ctrl+O)</source>
        <translation>选择图像文件（Ctrl+O）</translation>
    </message>
    <message>
        <source>The pixels the network receives, before normalisation</source>
        <translation>网络收到的像素（归一化之前）</translation>
    </message>
    <message>
        <source>Find the object in a photo and give the network just that, centred, as Fashion-MNIST&apos;s products were prepared. Off: the whole frame, squeezed to the input size.</source>
        <translation>在照片中找到物体，只把它居中交给网络，与 Fashion-MNIST 商品图的制作方式相同。关闭：使用整幅画面，缩放到输入尺寸。</translation>
    </message>
    <message>
        <source>Samples from the Fashion-MNIST test split, then photos made from other test images: click to classify</source>
        <translation>来自 Fashion-MNIST 测试集的样本，以及由其他测试图像制作的照片：点击即可分类</translation>
    </message>
    <message>
        <source>&lt;b&gt;What the network sees&lt;/b&gt;</source>
        <translation>&lt;b&gt;网络看到的图像&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Samples&lt;/b&gt;</source>
        <translation>&lt;b&gt;样本&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>reslens::LandscapeMap</name>
    <message>
        <source>α from %1 to %2 →, β upwards</source>
        <translation>α 从 %1 到 %2 →，β 向上</translation>
    </message>
    <message>
        <source>× the trained network: loss %1</source>
        <translation>× 训练好的网络：损失 %1</translation>
    </message>
</context>
<context>
    <name>reslens::LandscapeView</name>
    <message>
        <source>2-D</source>
        <translation>二维</translation>
    </message>
    <message>
        <source>Run with its twin</source>
        <translation>与孪生网络一起运行</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The first N images of the split, without augmentation</source>
        <translation>该数据划分的前 N 张图像，不做数据增强</translation>
    </message>
    <message>
        <source>Points per axis; odd, so that the trained network is one</source>
        <translation>每个轴上的点数；取奇数，使训练好的网络恰为其中一点</translation>
    </message>
    <message>
        <source>Coefficients from -R to R along each filter-normalised direction</source>
        <translation>沿每个滤波器归一化方向的系数，从 -R 到 R</translation>
    </message>
    <message>
        <source>A 2-D slice: points × points evaluations per model</source>
        <translation>二维切片：每个模型评估 点数 × 点数 次</translation>
    </message>
    <message>
        <source>Export charts…</source>
        <translation>导出图表…</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg);;PNG images (*.png)</source>
        <translation>SVG 矢量图 (*.svg);;PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>CSV tables (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>Loss along a random filter-normalised direction (Li et al. 2018)</source>
        <translation>沿随机滤波器归一化方向的损失（Li 等 2018）</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>样本数</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>点数</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>范围</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>model %1 of %2: point %3 of %4, about %5 left</source>
        <translation>第 %1 个模型（共 %2 个）：第 %3 个点（共 %4 个），约剩 %5</translation>
    </message>
    <message>
        <source>Loss landscape: %1</source>
        <translation>损失地形：%1</translation>
    </message>
    <message>
        <source>1 model</source>
        <translation>1 个模型</translation>
    </message>
    <message>
        <source>%1 models</source>
        <translation>%1 个模型</translation>
    </message>
    <message>
        <source> × %1 points × %2 images</source>
        <translation> × %1 个点 × %2 张图像</translation>
    </message>
    <message>
        <source>%1: timing the models…</source>
        <translation>%1：正在测量模型耗时…</translation>
    </message>
    <message>
        <source>%1: about %2</source>
        <translation>%1：约 %2</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>opening the model and the data…</source>
        <translation>正在打开模型和数据…</translation>
    </message>
    <message>
        <source>α (along the direction)</source>
        <translation>α（沿该方向）</translation>
    </message>
    <message>
        <source>loss (log scale)</source>
        <translation>损失（对数刻度）</translation>
    </message>
    <message>
        <source>ResLens loss landscape</source>
        <translation>ResLens 损失地形</translation>
    </message>
</context>
<context>
    <name>reslens::LesionBlockChart</name>
    <message>
        <source>Accuracy with one block bypassed (dashed: no block bypassed)</source>
        <translation>旁路单个块后的准确率（虚线：不旁路任何块）</translation>
    </message>
    <message>
        <source>bypassed block: layer S.I (↓ downsampling)</source>
        <translation>被旁路的块：layer S.I（↓ 下采样）</translation>
    </message>
    <message>
        <source>test accuracy</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <source>%1, every block</source>
        <translation>%1，全部块</translation>
    </message>
    <message>
        <source>chance</source>
        <translation>随机猜测</translation>
    </message>
</context>
<context>
    <name>reslens::LesionDepthChart</name>
    <message>
        <source>Accuracy with k random blocks bypassed</source>
        <translation>随机旁路 k 个块后的准确率</translation>
    </message>
    <message>
        <source>blocks bypassed, k</source>
        <translation>被旁路的块数 k</translation>
    </message>
    <message>
        <source>mean test accuracy</source>
        <translation>平均测试准确率</translation>
    </message>
    <message>
        <source>± 1 std</source>
        <translation>± 1 个标准差</translation>
    </message>
</context>
<context>
    <name>reslens::LesionView</name>
    <message>
        <source>Run the study</source>
        <translation>运行实验</translation>
    </message>
    <message>
        <source>Add its twin</source>
        <translation>加入孪生网络</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The data to measure on, as reslens-cli&apos;s --data: fashion-mnist, cifar10:DIR, folder:DIR (its test split unless it names one)</source>
        <translation>用于测量的数据，写法同 reslens-cli 的 --data：fashion-mnist、cifar10:DIR、folder:DIR（未指定划分时使用测试集）</translation>
    </message>
    <message>
        <source>Also bypass k = 1..K random blocks at once (0: none)</source>
        <translation>另外同时随机旁路 k = 1..K 个块（0：不做）</translation>
    </message>
    <message>
        <source>Random draws per k</source>
        <translation>每个 k 的随机抽取次数</translation>
    </message>
    <message>
        <source>Bypass each block of the loaded model in turn, then k random ones</source>
        <translation>依次旁路已加载模型的每个块，再随机旁路 k 个块</translation>
    </message>
    <message>
        <source>Run the same study on the model&apos;s twin, or on any model file, and show both side by side</source>
        <translation>对该模型的孪生网络或任意模型文件做同样的实验，并排显示</translation>
    </message>
    <message>
        <source>Export charts…</source>
        <translation>导出图表…</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg);;PNG images (*.png)</source>
        <translation>SVG 矢量图 (*.svg);;PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>CSV tables (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Random k up to</source>
        <translation>随机 k 最多到</translation>
    </message>
    <message>
        <source>trials</source>
        <translation>次试验</translation>
    </message>
    <message>
        <source>%1 of %2: %3</source>
        <translation>第 %1 个（共 %2 个）：%3</translation>
    </message>
    <message>
        <source>Lesion study: %1</source>
        <translation>消融实验：%1</translation>
    </message>
    <message>
        <source>No model open</source>
        <translation>没有打开模型</translation>
    </message>
    <message>
        <source>&lt;b&gt;Model:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;模型：&lt;/b&gt;%1</translation>
    </message>
    <message>
        <source>opening the model and the data…</source>
        <translation>正在打开模型和数据…</translation>
    </message>
    <message>
        <source>cancelled: what ran is shown</source>
        <translation>已取消：显示已完成的部分</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>%1 (the shipped twin)</source>
        <translation>%1（随附的孪生网络）</translation>
    </message>
    <message>
        <source>Model file…</source>
        <translation>模型文件…</translation>
    </message>
    <message>
        <source>Model to compare with</source>
        <translation>用于比较的模型</translation>
    </message>
    <message>
        <source>ResLens models (*.pt)</source>
        <translation>ResLens 模型 (*.pt)</translation>
    </message>
    <message>
        <source>%1 on %2: %3% with every block; one block bypassed: %4%–%5%, median %6%</source>
        <translation>%1 在 %2 上：全部块时 %3%；旁路单个块：%4%–%5%，中位数 %6%</translation>
    </message>
    <message>
        <source>ResLens lesion study</source>
        <translation>ResLens 消融实验</translation>
    </message>
</context>
<context>
    <name>reslens::LossChart</name>
    <message>
        <source>Loss and batch accuracy</source>
        <translation>损失与批次准确率</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>%1 loss</source>
        <translation>%1 损失</translation>
    </message>
    <message>
        <source>%1 accuracy</source>
        <translation>%1 准确率</translation>
    </message>
</context>
<context>
    <name>reslens::MagnitudeChart</name>
    <message>
        <source>Residual branch against shortcut, block by block</source>
        <translation>逐块比较残差分支与捷径</translation>
    </message>
    <message>
        <source>‖F(x)‖</source>
        <translation>‖F(x)‖</translation>
    </message>
    <message>
        <source>‖shortcut‖</source>
        <translation>‖捷径‖</translation>
    </message>
    <message>
        <source>‖F(x)‖ / ‖shortcut‖ (right axis)</source>
        <translation>‖F(x)‖ / ‖捷径‖（右轴）</translation>
    </message>
    <message>
        <source>selected block</source>
        <translation>选中的块</translation>
    </message>
    <message>
        <source>block</source>
        <translation>残差块</translation>
    </message>
    <message>
        <source>L2 norm</source>
        <translation>L2 范数</translation>
    </message>
    <message>
        <source>ratio</source>
        <translation>比值</translation>
    </message>
</context>
<context>
    <name>reslens::MainWindow</name>
    <message>
        <source>ResLens</source>
        <translation>ResLens</translation>
    </message>
    <message>
        <source>Feature maps</source>
        <translation>特征图</translation>
    </message>
    <message>
        <source>Training lab</source>
        <translation>训练实验室</translation>
    </message>
    <message>
        <source>Lesion study</source>
        <translation>消融实验</translation>
    </message>
    <message>
        <source>Responses</source>
        <translation>响应</translation>
    </message>
    <message>
        <source>Loss landscape</source>
        <translation>损失地形</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Predictions</source>
        <translation>预测</translation>
    </message>
    <message>
        <source>Blocks</source>
        <translation>残差块</translation>
    </message>
    <message>
        <source>Magnitudes</source>
        <translation>幅值</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>◀ Previous block</source>
        <translation>◀ 上一个块</translation>
    </message>
    <message>
        <source>Previous block (Alt+Up; Up/PgUp in the block list)</source>
        <translation>上一个块（Alt+上；在块列表中按 上/PgUp）</translation>
    </message>
    <message>
        <source>Next block ▶</source>
        <translation>下一个块 ▶</translation>
    </message>
    <message>
        <source>Next block (Alt+Down; Down/PgDn in the block list)</source>
        <translation>下一个块（Alt+下；在块列表中按 下/PgDn）</translation>
    </message>
    <message>
        <source> Device: </source>
        <translation> 设备：</translation>
    </message>
    <message>
        <source>CUDA (unavailable)</source>
        <translation>CUDA（不可用）</translation>
    </message>
    <message>
        <source>CUDA: %1</source>
        <translation>CUDA：%1</translation>
    </message>
    <message>
        <source> CPU threads: </source>
        <translation> CPU 线程：</translation>
    </message>
    <message>
        <source>Threads LibTorch uses on the CPU. While the training lab runs, a change waits and applies after its run.</source>
        <translation>LibTorch 在 CPU 上使用的线程数。训练实验室运行期间修改，将在本次训练结束后生效。</translation>
    </message>
    <message numerus="yes">
        <source>%n thread(s) from the next run on: the run in progress keeps its threads.</source>
        <translation>
            <numerusform>从下一次运行起使用 %n 个线程：正在进行的运行保持原线程数。</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open image…</source>
        <translation>打开图像(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Paste image</source>
        <translation>粘贴图像(&amp;P)</translation>
    </message>
    <message>
        <source>Recent images</source>
        <translation>最近的图像</translation>
    </message>
    <message>
        <source>Open &amp;model file…</source>
        <translation>打开模型文件(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Import torchvision TorchScript…</source>
        <translation>导入 torchvision TorchScript(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;New network with fresh weights…</source>
        <translation>新建随机初始化的网络(&amp;N)…</translation>
    </message>
    <message>
        <source>Shipped models</source>
        <translation>随附模型</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Feature grid or Grad-CAM as PNG…</source>
        <translation>特征图网格或 Grad-CAM 导出为 PNG…</translation>
    </message>
    <message>
        <source>Magnitude chart as PNG or SVG…</source>
        <translation>幅值图导出为 PNG 或 SVG…</translation>
    </message>
    <message>
        <source>Statistics as CSV or JSON…</source>
        <translation>统计数据导出为 CSV 或 JSON…</translation>
    </message>
    <message>
        <source>Open lab &amp;run…</source>
        <translation>打开训练记录(&amp;R)…</translation>
    </message>
    <message>
        <source>A saved training-lab run, or a reslens-cli compare folder</source>
        <translation>保存的训练实验室记录，或 reslens-cli compare 的输出文件夹</translation>
    </message>
    <message>
        <source>Save lab r&amp;un…</source>
        <translation>保存训练记录(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Input x</source>
        <translation>输入 x</translation>
    </message>
    <message>
        <source>Residual F(x)</source>
        <translation>残差 F(x)</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>捷径</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>显示%1</translation>
    </message>
    <message>
        <source>Show Grad-CAM</source>
        <translation>显示 Grad-CAM</translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation>关闭消息</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard</source>
        <translation>键盘(&amp;K)</translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation>键盘</translation>
    </message>
    <message>
        <source>Up/Down or Left/Right in the block list: previous/next block
PgUp/PgDn: previous/next stage · Home/End: stem/classifier
Alt+Up/Alt+Down: previous/next block from anywhere
Ctrl+1…4: input, F(x), shortcut, output · Ctrl+5: Grad-CAM
Click a prediction: Grad-CAM for that class
Ctrl+O: open image · Ctrl+V: paste image · Ctrl+Shift+O: open model
Ctrl+I: import TorchScript · Ctrl+N: new network
Ctrl+E: export feature grid · Ctrl+Shift+E: export statistics
Ctrl+wheel over the grid: zoom</source>
        <translation>块列表中 上/下 或 左/右：上一个/下一个块
PgUp/PgDn：上一个/下一个阶段 · Home/End：主干/分类器
Alt+上/Alt+下：在任意位置切换上一个/下一个块
Ctrl+1…4：输入、F(x)、捷径、输出 · Ctrl+5：Grad-CAM
点击一个预测结果：该类别的 Grad-CAM
Ctrl+O：打开图像 · Ctrl+V：粘贴图像 · Ctrl+Shift+O：打开模型
Ctrl+I：导入 TorchScript · Ctrl+N：新建网络
Ctrl+E：导出特征图网格 · Ctrl+Shift+E：导出统计数据
在网格上 Ctrl+滚轮：缩放</translation>
    </message>
    <message>
        <source>Cannot open the model: %1</source>
        <translation>无法打开模型：%1</translation>
    </message>
    <message>
        <source>Running on %1 from the next request; the run in progress stays where it started.</source>
        <translation>从下一个请求起在 %1 上运行；正在进行的运行留在原设备上。</translation>
    </message>
    <message>
        <source>Running on %1</source>
        <translation>在 %1 上运行</translation>
    </message>
    <message>
        <source>Cannot bypass: %1</source>
        <translation>无法旁路：%1</translation>
    </message>
    <message>
        <source>Cannot use that device: %1</source>
        <translation>无法使用该设备：%1</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>ResLens — %1</source>
        <translation>ResLens — %1</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 classes</source>
        <translation>%1 · %2 · %3 个类别</translation>
    </message>
    <message>
        <source>Classifying %1…</source>
        <translation>正在分类 %1…</translation>
    </message>
    <message>
        <source>pasted image</source>
        <translation>粘贴的图像</translation>
    </message>
    <message>
        <source>Classifying the pasted image…</source>
        <translation>正在分类粘贴的图像…</translation>
    </message>
    <message>
        <source>%1×%2 %3</source>
        <translation>%1×%2 %3</translation>
    </message>
    <message>
        <source>gray</source>
        <translation>灰度</translation>
    </message>
    <message>
        <source>RGB</source>
        <translation>RGB</translation>
    </message>
    <message>
        <source>, cropped to the object</source>
        <translation>，已裁剪到物体</translation>
    </message>
    <message>
        <source>, inverted (light background)</source>
        <translation>，已反相（浅色背景）</translation>
    </message>
    <message>
        <source>%1: %2 ms</source>
        <translation>%1：%2 毫秒</translation>
    </message>
    <message>
        <source>The clipboard holds no image.</source>
        <translation>剪贴板中没有图像。</translation>
    </message>
    <message>
        <source>Open image</source>
        <translation>打开图像</translation>
    </message>
    <message>
        <source>Open ResLens model</source>
        <translation>打开 ResLens 模型</translation>
    </message>
    <message>
        <source>ResLens models (*.pt);;All files (*)</source>
        <translation>ResLens 模型 (*.pt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import runs code from the file</source>
        <translation>导入会运行文件中的代码</translation>
    </message>
    <message>
        <source>Importing a TorchScript file runs code stored in it.</source>
        <translation>导入 TorchScript 文件会运行其中保存的代码。</translation>
    </message>
    <message>
        <source>TorchScript modules carry their own methods, and loading one runs some of them (its __setstate__). They run in LibTorch&apos;s interpreter, which cannot reach Python, but can use any amount of memory and time. Import only files you trust. A plain state dict (torch.save of a dictionary of tensors) and ResLens model files hold data only and run nothing.</source>
        <translation>TorchScript 模块自带方法，加载时会运行其中一部分（其 __setstate__）。它们在 LibTorch 的解释器中运行，无法访问 Python，但可以占用任意多的内存和时间。只导入你信任的文件。普通的 state dict（用 torch.save 保存的张量字典）和 ResLens 模型文件只含数据，不运行任何代码。</translation>
    </message>
    <message>
        <source>Choose File…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Don&apos;t warn me again</source>
        <translation>不再提醒</translation>
    </message>
    <message>
        <source>Import a torchvision ResNet (TorchScript or state dict)</source>
        <translation>导入 torchvision ResNet（TorchScript 或 state dict）</translation>
    </message>
    <message>
        <source>PyTorch files (*.pt *.pth);;All files (*)</source>
        <translation>PyTorch 文件 (*.pt *.pth);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <source>ResLens magnitudes</source>
        <translation>ResLens 幅值</translation>
    </message>
    <message>
        <source>Export Grad-CAM</source>
        <translation>导出 Grad-CAM</translation>
    </message>
    <message>
        <source>Export feature grid</source>
        <translation>导出特征图网格</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Export magnitude chart</source>
        <translation>导出幅值图</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg);;PNG images (*.png)</source>
        <translation>SVG 矢量图 (*.svg);;PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Export statistics</source>
        <translation>导出统计数据</translation>
    </message>
    <message>
        <source>CSV tables (*.csv);;JSON (*.json)</source>
        <translation>CSV 表格 (*.csv);;JSON (*.json)</translation>
    </message>
</context>
<context>
    <name>reslens::MessageBar</name>
    <message>
        <source>Dismiss (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
</context>
<context>
    <name>reslens::NewNetworkDialog</name>
    <message>
        <source>Skip connections</source>
        <translation>跳跃连接</translation>
    </message>
    <message>
        <source>Full pre-activation (He et al. 2016)</source>
        <translation>完全预激活（He 等 2016）</translation>
    </message>
    <message>
        <source>Batch norm</source>
        <translation>批归一化</translation>
    </message>
    <message>
        <source>New network with fresh weights</source>
        <translation>新建随机初始化的网络</translation>
    </message>
    <message>
        <source>resnet18/34/50/101/152, resnetN for N = 6n+2, or plainN</source>
        <translation>resnet18/34/50/101/152，N = 6n+2 的 resnetN，或 plainN</translation>
    </message>
    <message>
        <source>A: zero-padding identity</source>
        <translation>A：零填充恒等映射</translation>
    </message>
    <message>
        <source>B: 1×1 projection + BN</source>
        <translation>B：1×1 投影 + 批归一化</translation>
    </message>
    <message>
        <source>3×3 (v1.5, torchvision)</source>
        <translation>3×3（v1.5，torchvision）</translation>
    </message>
    <message>
        <source>first 1×1 (v1, the paper)</source>
        <translation>第一个 1×1（v1，原论文）</translation>
    </message>
    <message>
        <source>Architecture:</source>
        <translation>网络结构：</translation>
    </message>
    <message>
        <source>Shortcut where the shape changes:</source>
        <translation>形状变化处的捷径：</translation>
    </message>
    <message>
        <source>Bottleneck stride on:</source>
        <translation>瓶颈结构的步长位于：</translation>
    </message>
    <message>
        <source>Input channels:</source>
        <translation>输入通道数：</translation>
    </message>
    <message>
        <source>Classes:</source>
        <translation>类别数：</translation>
    </message>
    <message>
        <source>Input height:</source>
        <translation>输入高度：</translation>
    </message>
    <message>
        <source>Input width:</source>
        <translation>输入宽度：</translation>
    </message>
</context>
<context>
    <name>reslens::ParameterTable</name>
    <message>
        <source>Block</source>
        <translation>残差块</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>捷径</translation>
    </message>
    <message>
        <source>Conv</source>
        <translation>卷积</translation>
    </message>
    <message>
        <source>BN</source>
        <translation>批归一化</translation>
    </message>
    <message>
        <source>Shortcut params</source>
        <translation>捷径参数</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Multiply-adds</source>
        <translation>乘加运算</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>stem (conv1)</source>
        <translation>主干（conv1）</translation>
    </message>
    <message>
        <source>convolution</source>
        <translation>卷积</translation>
    </message>
    <message>
        <source>%1 total</source>
        <translation>%1 合计</translation>
    </message>
    <message>
        <source>pool + fc</source>
        <translation>池化 + 全连接</translation>
    </message>
    <message>
        <source>classifier</source>
        <translation>分类器</translation>
    </message>
    <message>
        <source>model total</source>
        <translation>模型合计</translation>
    </message>
    <message>
        <source>%1: %2 parameters, %3 multiply-adds at %4×%5.</source>
        <translation>%1：%2 个参数，在 %4×%5 上 %3 次乘加运算。</translation>
    </message>
    <message>
        <source> All bottlenecks together: %1 convolution parameters where basic blocks would need %2 (%3x fewer).</source>
        <translation> 所有瓶颈结构合计：%1 个卷积参数，而基本块需要 %2 个（少 %3 倍）。</translation>
    </message>
</context>
<context>
    <name>reslens::PredictionBars</name>
    <message>
        <source>Click a class to see where its evidence lies (Grad-CAM)</source>
        <translation>点击一个类别，查看其证据位于何处（Grad-CAM）</translation>
    </message>
    <message>
        <source>No prediction yet</source>
        <translation>还没有预测</translation>
    </message>
</context>
<context>
    <name>reslens::PresenterMode</name>
    <message>
        <source>&amp;Presenter mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <source>Full screen, larger text and lines, high-contrast charts (F11)</source>
        <translation>全屏、更大的文字和线条、高对比度图表（F11）</translation>
    </message>
    <message>
        <source>Presenter &amp;scale</source>
        <translation>演示缩放比例(&amp;S)</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>High-contrast charts in presenter mode</source>
        <translation>演示模式下使用高对比度图表</translation>
    </message>
</context>
<context>
    <name>reslens::ResponseView</name>
    <message>
        <source>Measure on the gallery</source>
        <translation>在样本库上测量</translation>
    </message>
    <message>
        <source>Classify the 100 gallery samples with the loaded model, its twin and the other shipped pair, and average each block&apos;s std of F(x)</source>
        <translation>用已加载的模型、其孪生网络和另一对随附模型对样本库中的 100 个样本分类，并对每个块的 F(x) 标准差取平均</translation>
    </message>
    <message>
        <source>Export chart…</source>
        <translation>导出图表…</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg);;PNG images (*.png)</source>
        <translation>SVG 矢量图 (*.svg);;PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>CSV tables (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>Std of each block&apos;s response F(x) (He et al. 2015, Fig. 7)</source>
        <translation>每个块响应 F(x) 的标准差（He 等 2015，图 7）</translation>
    </message>
    <message>
        <source>Responses: %1</source>
        <translation>响应：%1</translation>
    </message>
    <message>
        <source>No model open</source>
        <translation>没有打开模型</translation>
    </message>
    <message>
        <source>&lt;b&gt;Model:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;模型：&lt;/b&gt;%1</translation>
    </message>
    <message>
        <source>block (1 = the first after the stem)</source>
        <translation>残差块（1 = 主干之后的第一个）</translation>
    </message>
    <message>
        <source>std of F(x), mean over the gallery</source>
        <translation>F(x) 的标准差，样本库上的均值</translation>
    </message>
    <message>
        <source>%1: mean std of F(x) %2 over %3 blocks and %4 images</source>
        <translation>%1：%3 个块、%4 张图像上 F(x) 标准差的均值为 %2</translation>
    </message>
    <message>
        <source>ResLens responses</source>
        <translation>ResLens 响应</translation>
    </message>
</context>
<context>
    <name>reslens::TrainingLabPanel</name>
    <message>
        <source>Batch norm</source>
        <translation>批归一化</translation>
    </message>
    <message>
        <source>Compare with and without skip connections</source>
        <translation>对比有无跳跃连接</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Open in explorer</source>
        <translation>在浏览器中打开</translation>
    </message>
    <message>
        <source>Save model…</source>
        <translation>保存模型…</translation>
    </message>
    <message>
        <source>Save run…</source>
        <translation>保存记录…</translation>
    </message>
    <message>
        <source>resnetN and plainN are the teaching cases (He et al. 2015, Fig. 6)</source>
        <translation>resnetN 与 plainN 是教学用例（He 等 2015，图 6）</translation>
    </message>
    <message>
        <source>Fashion-MNIST</source>
        <translation>Fashion-MNIST</translation>
    </message>
    <message>
        <source>CIFAR-10 (choose its folder)…</source>
        <translation>CIFAR-10（选择其文件夹）…</translation>
    </message>
    <message>
        <source>Image folder (one sub-folder per class)…</source>
        <translation>图像文件夹（每个类别一个子文件夹）…</translation>
    </message>
    <message>
        <source>Debian&apos;s dataset-fashion-mnist, found by itself</source>
        <translation>Debian 的 dataset-fashion-mnist，自动找到</translation>
    </message>
    <message>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Train on the first N images only (fewer images load faster)</source>
        <translation>只用前 N 张图像训练（图像越少加载越快）</translation>
    </message>
    <message>
        <source>Batch norm after every convolution, as He et al. 2015 train; untick it to see how both networks&apos; gradients behave without it</source>
        <translation>每个卷积之后做批归一化，与 He 等 2015 的训练相同；取消勾选可以观察两个网络在没有它时梯度的表现</translation>
    </message>
    <message>
        <source>parameter gradients</source>
        <translation>参数梯度</translation>
    </message>
    <message>
        <source>gradients at block outputs</source>
        <translation>块输出处的梯度</translation>
    </message>
    <message>
        <source>Per block: the L2 norm over its parameters&apos; gradients, or of the gradient arriving at its output</source>
        <translation>每个块：其参数梯度的 L2 范数，或传到其输出处的梯度的 L2 范数</translation>
    </message>
    <message>
        <source>Which trained network to open or save</source>
        <translation>要打开或保存哪个训练好的网络</translation>
    </message>
    <message>
        <source>Architecture:</source>
        <translation>网络结构：</translation>
    </message>
    <message>
        <source>Data:</source>
        <translation>数据：</translation>
    </message>
    <message>
        <source>Images:</source>
        <translation>图像数：</translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation>步数：</translation>
    </message>
    <message>
        <source>Batch size:</source>
        <translation>批大小：</translation>
    </message>
    <message>
        <source>Learning rate:</source>
        <translation>学习率：</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>随机种子：</translation>
    </message>
    <message>
        <source>Chart:</source>
        <translation>图表：</translation>
    </message>
    <message>
        <source>Export charts…</source>
        <translation>导出图表…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Open run…</source>
        <translation>打开记录…</translation>
    </message>
    <message>
        <source>Keep this run&apos;s charts (and, if you like, the trained networks) in one file, to show again without training</source>
        <translation>把本次训练的图表（以及可选的训练好的网络）保存为一个文件，无需重新训练即可再次展示</translation>
    </message>
    <message>
        <source>Show a saved run, or a reslens-cli compare folder, as it was</source>
        <translation>按原样显示保存的训练记录，或 reslens-cli compare 的输出文件夹</translation>
    </message>
    <message>
        <source>&lt;b&gt;Trained network&lt;/b&gt;</source>
        <translation>&lt;b&gt;训练好的网络&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b00020&apos;&gt;Cannot train: %1&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#b00020&apos;&gt;无法训练：%1&lt;/span&gt;</translation>
    </message>
    <message>
        <source>loaded model (%1)</source>
        <translation>已加载的模型（%1）</translation>
    </message>
    <message>
        <source>Loading the data…</source>
        <translation>正在加载数据…</translation>
    </message>
    <message>
        <source>Training on %1</source>
        <translation>正在 %1 上训练</translation>
    </message>
    <message>
        <source>diverged after step %1: %2</source>
        <translation>第 %1 步后发散：%2</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b00020&apos;&gt;%1 diverged: %2&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#b00020&apos;&gt;%1 发散：%2&lt;/span&gt;</translation>
    </message>
    <message>
        <source>%1 %2 after %3 steps, loss %4</source>
        <translation>%1 在 %3 步后%2，损失 %4</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Saved run %1:</source>
        <translation>保存的记录 %1：</translation>
    </message>
    <message>
        <source>step %1 of %2 · %3 steps/s</source>
        <translation>第 %1 步，共 %2 步 · 每秒 %3 步</translation>
    </message>
    <message>
        <source> · %1 left</source>
        <translation> · 剩余 %1</translation>
    </message>
    <message>
        <source> · paused</source>
        <translation> · 已暂停</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>CIFAR-10 binary batches</source>
        <translation>CIFAR-10 二进制批文件</translation>
    </message>
    <message>
        <source>Image folder</source>
        <translation>图像文件夹</translation>
    </message>
    <message>
        <source>%1 was saved without the trained networks</source>
        <translation>%1 保存时未包含训练好的网络</translation>
    </message>
    <message>
        <source>Cannot open the trained network: %1</source>
        <translation>无法打开训练好的网络：%1</translation>
    </message>
    <message>
        <source>%1 (trained in the lab)</source>
        <translation>%1（在训练实验室中训练）</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Save trained network</source>
        <translation>保存训练好的网络</translation>
    </message>
    <message>
        <source>ResLens models (*.pt)</source>
        <translation>ResLens 模型 (*.pt)</translation>
    </message>
    <message>
        <source>the run is still going: stop it, or wait for it to finish</source>
        <translation>训练仍在进行：请先停止，或等待其结束</translation>
    </message>
    <message>
        <source>a run is going: stop it before opening another</source>
        <translation>有训练正在进行：请先停止再打开其他记录</translation>
    </message>
    <message>
        <source>Save run</source>
        <translation>保存记录</translation>
    </message>
    <message>
        <source>ResLens runs (*.reslens-run)</source>
        <translation>ResLens 训练记录 (*.reslens-run)</translation>
    </message>
    <message>
        <source>Also keep the trained networks in the file, so that they can be opened in the explorer later? (The file grows by their weights.)</source>
        <translation>是否同时把训练好的网络保存到文件中，以便之后在浏览器中打开？（文件会增大其权重的大小。）</translation>
    </message>
    <message>
        <source>Cannot save the run: %1</source>
        <translation>无法保存记录：%1</translation>
    </message>
    <message>
        <source>Open run</source>
        <translation>打开记录</translation>
    </message>
    <message>
        <source>ResLens runs (*.reslens-run);;reslens-cli compare folders (summary.json)</source>
        <translation>ResLens 训练记录 (*.reslens-run);;reslens-cli compare 文件夹 (summary.json)</translation>
    </message>
    <message>
        <source>Cannot open the run: %1</source>
        <translation>无法打开记录：%1</translation>
    </message>
    <message>
        <source>ResLens training lab</source>
        <translation>ResLens 训练实验室</translation>
    </message>
    <message>
        <source>Export charts</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg);;PNG images (*.png)</source>
        <translation>SVG 矢量图 (*.svg);;PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Export run data</source>
        <translation>导出训练数据</translation>
    </message>
    <message>
        <source>CSV tables (*.csv)</source>
        <translation>CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>Keep step 1 on the depth chart</source>
        <translation>在深度图上保留第 1 步</translation>
    </message>
    <message>
        <source>The gradient profile of the first step, dashed, beside the current one: where the plain network&apos;s gradients spread over the widest range</source>
        <translation>第一步的梯度分布（虚线），与当前步并排显示：普通网络的梯度在这一步分布得最分散</translation>
    </message>
    <message>
        <source>Follows the batch size, 0.1 × batch / 128 (He et al. 2015&apos;s 0.1 at batch 128, scaled linearly as Goyal et al. 2017 do), until you set it yourself</source>
        <translation>随批大小变化：0.1 × 批大小 / 128（He 等 2015 在批大小 128 时用 0.1，按 Goyal 等 2017 的线性缩放规则缩放），直到你自己设置为止</translation>
    </message>
    <message>
        <source>there is no run to save yet</source>
        <translation>还没有可保存的训练</translation>
    </message>
</context>
<context>
    <name>reslens::TrainingWorker</name>
    <message>
        <source>%1 (%2 images)</source>
        <translation>%1（%2 张图像）</translation>
    </message>
</context>
<context>
    <name>reslens::Translations</name>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>ResLens shows the new language from its next start. Restart now?</source>
        <translation>ResLens 将在下次启动时使用新语言。现在重新启动吗？</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
</context>
</TS>
